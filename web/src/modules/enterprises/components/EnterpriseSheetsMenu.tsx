import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/use-me';
import { importsApi } from '../../imports/api/imports-api';
import { useDownload } from '../../projects/hooks/use-download';
import { type EnterpriseFilters, enterprisesApi } from '../api/enterprises-api';

/**
 * The register's sheets: export the filtered list (it imports back as updates), and for its keepers the template and
 * the import page set to enterprises (problems per row, the marked file, one commit).
 */
export function EnterpriseSheetsMenu({ filters, iconOnly }: { filters: EnterpriseFilters; iconOnly?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const { busy, download } = useDownload();
  const keeper = can('enterprise.manage');
  const items = [
    { key: 'export', label: t('enterprise.sheets.export') },
    ...(keeper
      ? [
          { key: 'template', label: t('enterprise.sheets.template') },
          { key: 'import', label: t('enterprise.sheets.import') },
        ]
      : []),
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'import') navigate('/projects/import?kind=enterprises');
          else download(() => (key === 'template' ? importsApi.template('enterprises') : enterprisesApi.exportSheet(filters)));
        },
      }}
    >
      <Button icon={<FileExcelOutlined />} loading={busy} aria-label={t('enterprise.sheets')} data-testid="enterprise-sheets">
        {iconOnly ? null : t('enterprise.sheets')}
      </Button>
    </Dropdown>
  );
}
