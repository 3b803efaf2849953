import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { type CustomValue, customFieldLabel } from '../../../../../common/domain/custom-fields';
import { useI18n } from '../../../i18n';
import { useDistrictCustomFields } from '../hooks/use-custom-fields';

type CustomFieldFiltersProps = {
  value: Record<string, CustomValue> | undefined;
  onChange: (value: Record<string, CustomValue> | undefined) => void;
};

/**
 * One filter per custom field of the district (equality): a choice field picks an option, a date field a day, text
 * and number fields take what is typed when Enter is pressed.
 */
export function CustomFieldFilters({ value, onChange }: CustomFieldFiltersProps) {
  const { locale } = useI18n();
  const fields = useDistrictCustomFields().data?.items ?? [];
  const set = (key: string, next: CustomValue | null | undefined) => {
    const { [key]: _previous, ...rest } = value ?? {};
    const merged = next === null || next === undefined || next === '' ? rest : { ...rest, [key]: next };
    onChange(Object.keys(merged).length > 0 ? merged : undefined);
  };

  return fields.map((field) => {
    const label = customFieldLabel(field, locale);
    const current = value?.[field.key];
    const testId = `project-custom-filter-${field.key}`;
    switch (field.type) {
      case 'choice':
        return (
          <Select
            key={field.key}
            allowClear
            value={typeof current === 'string' ? current : undefined}
            onChange={(option?: string) => set(field.key, option)}
            prefix={current === undefined ? undefined : `${label}:`}
            placeholder={label}
            options={field.options.map((option) => ({ value: option, label: option }))}
            popupMatchSelectWidth={false}
            style={{ minWidth: 150 }}
            data-testid={testId}
          />
        );
      case 'date':
        return (
          <DatePicker
            key={field.key}
            value={typeof current === 'string' ? dayjs(current) : null}
            onChange={(day) => set(field.key, day ? day.format('YYYY-MM-DD') : null)}
            prefix={current === undefined ? undefined : `${label}:`}
            placeholder={label}
            style={{ minWidth: 150 }}
            data-testid={testId}
          />
        );
      default:
        return (
          <Input.Search
            key={`${field.key}:${current ?? ''}`}
            allowClear
            defaultValue={current === undefined ? undefined : String(current)}
            onSearch={(typed) => {
              const text = typed.trim();
              const number = Number(text);
              set(field.key, field.type === 'number' ? (text && Number.isFinite(number) ? number : null) : text);
            }}
            placeholder={label}
            style={{ width: 160 }}
            data-testid={testId}
          />
        );
    }
  });
}
