import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Progress, Result, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useDownload } from '../../projects/hooks/use-download';
import { type ImportJob, importsApi } from '../api/imports-api';
import { useCommitImport } from '../hooks/use-imports';
import { IMPORT_REGISTERS, REGISTER_PATHS, readyText } from '../import-kinds';
import { ImportMappingPanel } from './ImportMappingPanel';
import { ImportProblemsTable } from './ImportProblemsTable';
import { ImportReadingPanel } from './ImportReadingPanel';

type ImportJobViewProps = { job: ImportJob; onAgain: () => void };

/** Where a job stands: the progress bar while checking, the problems, the confirm step, or the result. */
export function ImportJobView({ job, onAgain }: ImportJobViewProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const commit = useCommitImport();
  const showError = useShowError();
  const { busy, download } = useDownload();
  const [acknowledged, setAcknowledged] = useState(false);
  const [mappingPending, setMappingPending] = useState(false);
  // A changed mapping changes which columns are left out: what was acknowledged is asked again.
  const onMappingPending = useCallback((pending: boolean) => {
    setMappingPending(pending);
    if (pending) setAcknowledged(false);
  }, []);
  // Lantu's own figures and the columns the user chose not to import need no acknowledgement.
  const unmapped = job.reading?.unmapped.filter((u) => u.reason !== 'computed' && u.reason !== 'ignored').length ?? 0;
  const reading = job.reading && (
    <>
      {job.reading.columns.length > 0 && (
        <ImportMappingPanel key={job.id} jobId={job.id} reading={job.reading} onPendingChange={onMappingPending} />
      )}
      <ImportReadingPanel reading={job.reading} />
    </>
  );
  const counts = { create: job.summary?.create ?? 0, update: job.summary?.update ?? 0 };
  const again = (
    <Button onClick={onAgain} data-testid="import-again">
      {t('import.again')}
    </Button>
  );

  if (job.status === 'validating' || job.status === 'committing') {
    const percent = job.totalRows ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;
    return (
      <div data-testid="import-progress">
        <Typography.Text>{t('import.validating', { processed: job.processedRows, total: job.totalRows })}</Typography.Text>
        <Progress percent={job.status === 'committing' ? 100 : percent} status="active" />
      </div>
    );
  }
  if (job.status === 'invalid') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="error"
          showIcon
          message={t('import.problemsTitle', { count: job.problemCount })}
          description={job.problemCount > job.problems.length ? t('import.problemsMore', { shown: job.problems.length }) : undefined}
          action={
            <Space>
              <Button
                icon={<DownloadOutlined />}
                loading={busy}
                onClick={() => download(() => importsApi.marked(job.id))}
                data-testid="import-download-marked"
              >
                {t('import.downloadMarked')}
              </Button>
              {again}
            </Space>
          }
          data-testid="import-invalid"
        />
        <ImportProblemsTable problems={job.problems} />
        {reading}
      </Space>
    );
  }
  if (job.status === 'ready') {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Result
          status="info"
          title={t('import.readyTitle', counts)}
          subTitle={readyText(job.kind, t)}
          data-testid="import-ready"
          extra={[
            mappingPending && (
              <div key="pending" style={{ marginBottom: 12 }}>
                <Typography.Text type="warning" data-testid="import-mapping-pending">
                  {t('import.mapping.pending')}
                </Typography.Text>
              </div>
            ),
            unmapped > 0 && (
              <div key="acknowledge" style={{ marginBottom: 12 }}>
                <Checkbox checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="import-acknowledge">
                  {t('import.acknowledgeUnmapped', { count: unmapped })}
                </Checkbox>
              </div>
            ),
            <Button
              key="confirm"
              type="primary"
              disabled={mappingPending || (unmapped > 0 && !acknowledged)}
              loading={commit.isPending}
              onClick={() => commit.mutate({ id: job.id, acknowledgeUnmapped: acknowledged }, { onError: (error) => showError(error) })}
              data-testid="import-confirm"
            >
              {t('import.confirm')}
            </Button>,
            <span key="again">{again}</span>,
          ]}
        />
        {reading}
      </Space>
    );
  }
  if (job.status === 'committed') {
    return (
      <Result
        status="success"
        title={t('import.committedTitle', counts)}
        data-testid="import-committed"
        extra={[
          <Button
            key="register"
            type="primary"
            onClick={() => navigate(REGISTER_PATHS[job.kind])}
            data-testid={`import-to-${REGISTER_PATHS[job.kind].slice(1)}`}
          >
            {t(IMPORT_REGISTERS[job.kind].toRegister)}
          </Button>,
          <span key="again">{again}</span>,
        ]}
      />
    );
  }
  return <Result status="error" title={t('import.failedTitle')} subTitle={job.failure} extra={again} data-testid="import-failed" />;
}
