import { type CustomValue, customFieldLabel, formatCustomValue } from '../../../../../common/domain/custom-fields';
import { useI18n } from '../../../i18n';
import { useCategoryCustomFields } from './use-custom-fields';

type WithCustomValues = { regionCode: string; categoryCode: string | null; customValues: Record<string, CustomValue> };

/** The custom fields a project holds values for, as label/value pairs for a Descriptions list, in display order. */
export function useCustomValueItems(project: WithCustomValues) {
  const { locale } = useI18n();
  const fields = useCategoryCustomFields(project.regionCode, project.categoryCode);
  return fields
    .filter((field) => project.customValues[field.key] !== undefined)
    .map((field) => ({
      key: `custom:${field.key}`,
      label: customFieldLabel(field, locale),
      children: formatCustomValue(field, project.customValues[field.key]),
    }));
}
