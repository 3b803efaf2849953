import { useI18n } from '../../../i18n';
import { SheetsMenu } from '../../imports/components/SheetsMenu';
import { type ParcelListParams, carriersApi } from '../api/carriers-api';

/** The parcels' sheets: export what the filters show; for the carriers' keepers, the template and the import. */
export function ParcelSheetsMenu({ filters, iconOnly }: { filters: ParcelListParams; iconOnly?: boolean }) {
  const { t } = useI18n();
  return (
    <SheetsMenu
      kind="parcels"
      labels={{
        button: t('parcel.sheets'),
        export: t('parcel.sheets.export'),
        template: t('parcel.sheets.template'),
        import: t('parcel.sheets.import'),
      }}
      exportSheet={() => carriersApi.exportParcels(filters)}
      testId="parcel-sheets"
      iconOnly={iconOnly}
    />
  );
}
