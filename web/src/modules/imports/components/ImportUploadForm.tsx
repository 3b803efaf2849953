import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Typography, Upload } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useCan } from '../../auth/hooks/use-me';
import { useDownload } from '../../projects/hooks/use-download';
import { IMPORT_KINDS, type ImportJob, type ImportKind, MAX_IMPORT_BYTES, importsApi } from '../api/imports-api';
import { useUploadImport } from '../hooks/use-imports';

type ImportUploadFormProps = { kind: ImportKind; onKindChange: (kind: ImportKind) => void; onUploaded: (job: ImportJob) => void };

/** Pick what to import, download its template, and upload a filled-in file. */
export function ImportUploadForm({ kind, onKindChange, onUploaded }: ImportUploadFormProps) {
  const { t } = useI18n();
  const upload = useUploadImport();
  const showError = useShowError();
  const { busy, download } = useDownload();
  const can = useCan();
  // The enterprise register is imported by its keepers (enterprise.manage), leads by who records them (lead.manage);
  // the project sheets with project.import.
  const kinds = IMPORT_KINDS.filter((k) =>
    can(k === 'enterprises' ? 'enterprise.manage' : k === 'leads' ? 'lead.manage' : 'project.import'),
  );

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong>{t('import.kind')}</Typography.Text>
        <Segmented<ImportKind>
          value={kind}
          onChange={onKindChange}
          options={kinds.map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
          data-testid="import-kind"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={busy}
          onClick={() => download(() => importsApi.template(kind))}
          data-testid="import-template"
        >
          {t('import.template')}
        </Button>
      </Flex>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={upload.isPending}
        customRequest={({ file }) =>
          upload.mutate({ kind, file: file as File }, { onSuccess: onUploaded, onError: (error) => showError(error) })
        }
        data-testid="import-dropzone"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">
          {t(kind === 'leads' ? 'import.dropHint.leads' : 'import.dropHint', { size: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` })}
        </p>
      </Upload.Dragger>
    </Flex>
  );
}
