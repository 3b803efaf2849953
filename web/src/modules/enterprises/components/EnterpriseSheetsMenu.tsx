import { useI18n } from '../../../i18n';
import { SheetsMenu } from '../../imports/components/SheetsMenu';
import { type EnterpriseFilters, enterprisesApi } from '../api/enterprises-api';

/** The register's sheets: export the filtered list; for its keepers, the template and the import. */
export function EnterpriseSheetsMenu({ filters, iconOnly }: { filters: EnterpriseFilters; iconOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <SheetsMenu
      kind="enterprises"
      labels={{
        button: t('enterprise.sheets'),
        export: t('enterprise.sheets.export'),
        template: t('enterprise.sheets.template'),
        import: t('enterprise.sheets.import'),
      }}
      exportSheet={() => enterprisesApi.exportSheet(filters)}
      testId="enterprise-sheets"
      iconOnly={iconOnly}
    />
  );
}
