import { Select } from 'antd';
import { customFieldLabel } from '../../../../../common/domain/custom-fields';
import { useI18n } from '../../../i18n';
import { useDistrictCustomFields } from '../hooks/use-custom-fields';

/** The picker of custom columns shown above the project list. */
export function CustomColumnsPicker({ chosen, onChange }: { chosen: string[]; onChange: (keys: string[]) => void }) {
  const { t, locale } = useI18n();
  const fields = useDistrictCustomFields().data?.items ?? [];
  if (fields.length === 0) return null;
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      value={chosen.filter((key) => fields.some((f) => f.key === key))}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('customField.columns')}
      options={fields.map((field) => ({ value: field.key, label: customFieldLabel(field, locale) }))}
      style={{ minWidth: 200 }}
      data-testid="project-custom-columns"
    />
  );
}
