import { FileWordOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/use-me';
import { exportsApi } from '../api/exports-api';
import { useDownload } from '../hooks/use-download';

/** 项目简介(Word): the project's one-page summary as a Word document. */
export function SummaryDownloadButton({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const can = useCan();
  const { busy, download } = useDownload();
  if (!can('project.export')) return null;
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={busy}
      onClick={() => download(() => exportsApi.summary(projectId))}
      data-testid="project-summary-docx"
    >
      {t('export.summary')}
    </Button>
  );
}
