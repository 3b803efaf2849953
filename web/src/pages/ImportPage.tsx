import { Card, Space } from 'antd';
import { useAddressSearch } from '../lib/use-address-search';
import { useI18n } from '../i18n';
import { IMPORT_KINDS, type ImportKind } from '../modules/imports/api/imports-api';
import { ImportJobView } from '../modules/imports/components/ImportJobView';
import { ImportUploadForm } from '../modules/imports/components/ImportUploadForm';
import { RecentImports } from '../modules/imports/components/RecentImports';
import { useImportJob } from '../modules/imports/hooks/use-imports';

/** Excel 导入: pick the kind, get the template, upload, watch the check, fix problems or confirm; recent imports below. */
export function ImportPage() {
  const { t } = useI18n();
  // The kind and the job being looked at live in the address, so a reload or a shared link shows the same job.
  const [search, setSearch] = useAddressSearch();
  const kind = (IMPORT_KINDS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as ImportKind) : 'projects';
  const jobId = search.get('job');
  const job = useImportJob(jobId);
  const go = (next: { kind?: ImportKind; job?: string | null }) => {
    const params = new URLSearchParams({ kind: next.kind ?? kind });
    const id = next.job === undefined ? jobId : next.job;
    if (id) params.set('job', id);
    setSearch(params, { replace: true });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('import.title')}>
        {job.data ? (
          <ImportJobView job={job.data} onAgain={() => go({ job: null })} />
        ) : (
          <ImportUploadForm kind={kind} onKindChange={(next) => go({ kind: next })} onUploaded={(uploaded) => go({ job: uploaded.id })} />
        )}
      </Card>
      <Card title={t('import.recent')} size="small">
        <RecentImports onOpen={(id) => go({ job: id })} />
      </Card>
    </Space>
  );
}
