import { useI18n } from '../../../i18n';
import { SheetsMenu } from '../../imports/components/SheetsMenu';
import { type LeadListParams, leadsApi } from '../api/leads-api';

/** The board's sheets: export the leads the filters show; for those who record leads, the template and the import. */
export function LeadSheetsMenu({ filters }: { filters: LeadListParams }) {
  const { t } = useI18n();
  return (
    <SheetsMenu
      kind="leads"
      labels={{
        button: t('lead.sheets'),
        export: t('lead.sheets.export'),
        template: t('lead.sheets.template'),
        import: t('lead.sheets.import'),
      }}
      exportSheet={() => leadsApi.exportSheet(filters)}
      testId="lead-sheets"
    />
  );
}
