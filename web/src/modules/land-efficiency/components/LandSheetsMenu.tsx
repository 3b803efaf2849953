import { useI18n } from '../../../i18n';
import { SheetsMenu } from '../../imports/components/SheetsMenu';
import { type LandTableParams, landEfficiencyApi } from '../api/land-efficiency-api';

/** 亩均效益's sheets: export the year's table as shown; for the register's keepers, the template and the import. */
export function LandSheetsMenu({ params, iconOnly }: { params: LandTableParams; iconOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <SheetsMenu
      kind="land_figures"
      labels={{
        button: t('land.sheets'),
        export: t('land.sheets.export'),
        template: t('land.sheets.template'),
        import: t('land.sheets.import'),
      }}
      exportSheet={() => landEfficiencyApi.exportTable(params)}
      testId="land-sheets"
      iconOnly={iconOnly}
    />
  );
}
