import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Segmented, Select, Typography, Upload } from 'antd';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useCan } from '../../auth/hooks/use-me';
import { useDownload } from '../../projects/hooks/use-download';
import { IMPORT_KINDS, type ImportJob, type ImportKind, MAX_IMPORT_BYTES, importsApi } from '../api/imports-api';
import { useUploadImport } from '../hooks/use-imports';
import { IMPORT_REGISTERS, importPermission } from '../import-kinds';

type ImportUploadFormProps = { kind: ImportKind; onKindChange: (kind: ImportKind) => void; onUploaded: (job: ImportJob) => void };

/** Pick what to import, download its template, and upload a filled-in file. */
export function ImportUploadForm({ kind, onKindChange, onUploaded }: ImportUploadFormProps) {
  const { t } = useI18n();
  const upload = useUploadImport();
  const showError = useShowError();
  const { busy, download } = useDownload();
  const can = useCan();
  // Each kind is imported by its register's keepers (IMPORT_KIND_PERMISSIONS, as the server checks).
  const kinds = IMPORT_KINDS.filter((k) => can(importPermission(k)));
  const options = kinds.map((k) => ({ value: k, label: t(`import.kind.${k}`) }));
  // A phone has no room for the project office's eight kinds side by side: a list to pick from instead.
  const phone = Grid.useBreakpoint().md === false;

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong>{t('import.kind')}</Typography.Text>
        {phone ? (
          <Select<ImportKind>
            value={kind}
            onChange={onKindChange}
            options={options}
            aria-label={t('import.kind')}
            style={{ minWidth: 160, flex: 1 }}
            data-testid="import-kind"
          />
        ) : (
          <Segmented<ImportKind> value={kind} onChange={onKindChange} options={options} data-testid="import-kind" />
        )}
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
        <p className="ant-upload-hint">{t(IMPORT_REGISTERS[kind].dropHint, { size: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` })}</p>
      </Upload.Dragger>
    </Flex>
  );
}
