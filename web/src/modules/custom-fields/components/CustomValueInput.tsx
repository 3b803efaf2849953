import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { CUSTOM_NUMBER_MAX, CUSTOM_TEXT_MAX, type CustomFieldDef, type CustomValue } from '../../../../../common/domain/custom-fields';

type CustomValueInputProps = {
  field: CustomFieldDef;
  value?: CustomValue | null;
  onChange?: (value: CustomValue | null) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/**
 * The input a custom field's type calls for, holding the value in stored form (text, number, YYYY-MM-DD, the chosen
 * option), so form values go to the API and server errors come back without conversion.
 */
export function CustomValueInput({ field, value, onChange, placeholder, style, ...rest }: CustomValueInputProps) {
  const change = (next: CustomValue | null | undefined) => onChange?.(next === undefined || next === '' ? null : next);
  const testId = rest['data-testid'];
  switch (field.type) {
    case 'number':
      return (
        <InputNumber
          value={typeof value === 'number' ? value : null}
          onChange={(n) => change(n)}
          min={-CUSTOM_NUMBER_MAX}
          max={CUSTOM_NUMBER_MAX}
          placeholder={placeholder}
          style={{ width: '100%', ...style }}
          data-testid={testId}
        />
      );
    case 'date':
      return (
        <DatePicker
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(d) => change(d ? d.format('YYYY-MM-DD') : null)}
          placeholder={placeholder}
          style={{ width: '100%', ...style }}
          data-testid={testId}
        />
      );
    case 'choice':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v?: string) => change(v ?? null)}
          options={field.options.map((option) => ({ value: option, label: option }))}
          placeholder={placeholder}
          style={style}
          data-testid={testId}
        />
      );
    case 'text':
      return (
        <Input
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => change(e.target.value)}
          maxLength={CUSTOM_TEXT_MAX}
          placeholder={placeholder}
          style={style}
          data-testid={testId}
        />
      );
  }
}
