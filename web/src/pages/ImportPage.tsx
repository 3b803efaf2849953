import { Card, Space } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAddressSearch } from '../lib/use-address-search';
import { useI18n } from '../i18n';
import { IMPORT_KINDS, type ImportKind } from '../modules/imports/api/imports-api';
import { ImportJobView } from '../modules/imports/components/ImportJobView';
import { ImportUploadForm } from '../modules/imports/components/ImportUploadForm';
import { RecentImports } from '../modules/imports/components/RecentImports';
import { useImportJob } from '../modules/imports/hooks/use-imports';
import { importPath, importPermission, REGISTER_PATHS } from '../modules/imports/import-kinds';
import { useCan } from '../modules/auth/hooks/use-me';

/**
 * Excel 导入: pick the kind, get the template, upload, watch the check, fix problems or confirm; recent imports below.
 * The page lives under the register a kind's rows land in (`/leads/import?kind=leads`, `/parcels/import?kind=parcels`),
 * so the side menu shows the register; a kind opened under another register's path moves to its own.
 */
export function ImportPage() {
  const { t } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The kind and the job being looked at live in the address, so a reload or a shared link shows the same job.
  const [search] = useAddressSearch();
  const here = pathname.replace(/\/import$/, '');
  const asked = (IMPORT_KINDS as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as ImportKind) : null;
  // No kind named: the first this register imports that the reader may import, else the first he may import at all.
  const mine = IMPORT_KINDS.filter((k) => can(importPermission(k)));
  const kind = asked ?? mine.find((k) => REGISTER_PATHS[k] === here) ?? mine[0] ?? 'projects';
  const jobId = search.get('job');
  const job = useImportJob(jobId);
  const go = (next: { kind?: ImportKind; job?: string | null }) =>
    navigate(importPath(next.kind ?? kind, next.job === undefined ? jobId : next.job), { replace: true });
  if (REGISTER_PATHS[kind] !== here) return <Navigate to={importPath(kind, jobId)} replace />;

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
