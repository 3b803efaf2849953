import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/use-me';
import { exportsApi } from '../api/exports-api';
import type { ProjectFilters } from '../api/projects-api';
import { useDownload } from '../hooks/use-download';

type ExportMenuProps = {
  filters: ProjectFilters;
  sort: string | undefined;
  /** The button shows its icon only (a phone's card header); its name stays as the label screen readers read. */
  iconOnly?: boolean;
};

/** 导出: the filtered list (re-importable) or the year's ledger, with the filters and sort the page shows. */
export function ExportMenu({ filters, sort, iconOnly = false }: ExportMenuProps) {
  const { t } = useI18n();
  const can = useCan();
  const { busy, download } = useDownload();
  if (!can('project.export')) return null;
  const item = (key: 'list' | 'ledger', label: string, hint: string) => ({
    key,
    label: (
      <div data-testid={`project-export-${key}`}>
        <div>{label}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </div>
    ),
  });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [item('list', t('export.list'), t('export.listHint')), item('ledger', t('export.ledger'), t('export.ledgerHint'))],
        onClick: ({ key }) => download(() => (key === 'ledger' ? exportsApi.ledger(filters, sort) : exportsApi.list(filters, sort))),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} aria-label={t('export.menu')} data-testid="project-export">
        {iconOnly ? null : t('export.menu')}
      </Button>
    </Dropdown>
  );
}
