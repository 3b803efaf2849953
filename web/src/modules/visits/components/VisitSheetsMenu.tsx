import { useI18n } from '../../../i18n';
import { SheetsMenu } from '../../imports/components/SheetsMenu';
import { type VisitListParams, visitsApi } from '../api/visits-api';

/** The visits' sheets: export what the list shows; for those who record visits, the template and the import. */
export function VisitSheetsMenu({ filters, iconOnly }: { filters: VisitListParams; iconOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <SheetsMenu
      kind="visits"
      labels={{
        button: t('visit.sheets'),
        export: t('visit.sheets.export'),
        template: t('visit.sheets.template'),
        import: t('visit.sheets.import'),
      }}
      exportSheet={() => visitsApi.exportSheet(filters)}
      testId="visit-sheets"
      iconOnly={iconOnly}
    />
  );
}
