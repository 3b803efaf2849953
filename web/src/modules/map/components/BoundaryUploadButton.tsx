import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Modal, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useRegionChildren } from '../../regions/hooks/use-regions';
import { useUploadBoundary } from '../hooks/use-map';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Replaces a boundary with a GeoJSON file the administrator picks — the region drawn's own, or one of its children's
 * (a district's streets, a city's districts), chosen in a dialog; the server checks the file in full.
 */
export function BoundaryUploadButton({
  regionCode,
  regionName,
  iconOnly = false,
}: {
  regionCode: string;
  regionName: string;
  iconOnly?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const upload = useUploadBoundary();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState(regionCode);
  const children = useRegionChildren(regionCode, open);
  const options = [
    { value: regionCode, label: t('map.uploadOwn', { name: regionName }) },
    ...(children.data ?? []).map((c) => ({ value: c.code, label: c.name })),
  ];
  const targetName = options.find((o) => o.value === target)?.label ?? regionName;

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
      { regionCode: target, geojson, source: file.name },
      {
        onSuccess: () => {
          message.success(t('map.uploaded'));
          setOpen(false);
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        title={t('map.uploadHint')}
        aria-label={t('map.upload')}
        onClick={() => {
          setTarget(regionCode);
          setOpen(true);
        }}
        data-testid="map-upload"
      >
        {iconOnly ? null : t('map.upload')}
      </Button>
      <Modal open={open} title={t('map.upload')} onCancel={() => setOpen(false)} footer={null} destroyOnHidden>
        <Flex vertical gap={12}>
          <Typography.Text>{t('map.uploadWhich')}</Typography.Text>
          <Select
            value={target}
            onChange={setTarget}
            options={options}
            loading={children.isLoading}
            showSearch
            optionFilterProp="label"
            aria-label={t('map.uploadWhich')}
            data-testid="map-upload-region"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('map.uploadHint')}
          </Typography.Text>
          <Upload
            accept=".geojson,.json,application/geo+json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending} data-testid="map-upload-file">
              {t('map.uploadPick', { name: targetName })}
            </Button>
          </Upload>
        </Flex>
      </Modal>
    </>
  );
}
