import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useUploadBoundary } from '../hooks/use-map';

const MAX_BYTES = 20 * 1024 * 1024;

/** Replaces a region's boundary with a GeoJSON file the administrator picks; the server checks it in full. */
export function BoundaryUploadButton({ regionCode, iconOnly = false }: { regionCode: string; iconOnly?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadBoundary();
  const showError = useShowError();

  const send = async (file: File) => {
    if (file.size > MAX_BYTES) {
      message.error(t('map.tooLarge'));
      return;
    }
    let geojson: unknown;
    try {
      geojson = JSON.parse(await file.text());
    } catch (error) {
      message.error(t('map.badFile', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    upload.mutate(
      { regionCode, geojson, source: file.name },
      { onSuccess: () => message.success(t('map.uploaded')), onError: (e) => showError(e) },
    );
  };

  return (
    <Upload
      accept=".geojson,.json,application/geo+json,application/json"
      showUploadList={false}
      beforeUpload={(file) => {
        void send(file);
        return false;
      }}
    >
      <Button
        icon={<UploadOutlined />}
        loading={upload.isPending}
        title={t('map.uploadHint')}
        aria-label={t('map.upload')}
        data-testid="map-upload"
      >
        {iconOnly ? null : t('map.upload')}
      </Button>
    </Upload>
  );
}
