import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useCan } from '../../auth/hooks/use-me';
import { importsApi } from '../../imports/api/imports-api';
import { useDownload } from '../../projects/hooks/use-download';
import { type LeadListParams, leadsApi } from '../api/leads-api';

/**
 * The board's sheets: export the leads the filters show (the file imports back as updates), and for those who record
 * leads the template and the import page set to leads (problems per row, the marked file, one commit).
 */
export function LeadSheetsMenu({ filters }: { filters: LeadListParams }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const { busy, download } = useDownload();
  const items = [
    { key: 'export', label: t('lead.sheets.export') },
    ...(can('lead.manage')
      ? [
          { key: 'template', label: t('lead.sheets.template') },
          { key: 'import', label: t('lead.sheets.import') },
        ]
      : []),
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'import') navigate('/projects/import?kind=leads');
          else download(() => (key === 'template' ? importsApi.template('leads') : leadsApi.exportSheet(filters)));
        },
      }}
    >
      <Button icon={<FileExcelOutlined />} loading={busy} data-testid="lead-sheets">
        {t('lead.sheets')}
      </Button>
    </Dropdown>
  );
}
