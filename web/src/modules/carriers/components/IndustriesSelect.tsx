import { Select, type SelectProps } from 'antd';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';

type IndustriesSelectProps = Omit<SelectProps<string[]>, 'mode' | 'options' | 'loading' | 'showSearch'> & {
  'data-testid'?: string;
};

/**
 * Several industries of the district's chains (the `industry_chain` dictionary: 新型功能材料, 智能制造装备 …) picked by
 * name: a park's leading industries, the industries a parcel suits. The one multi-select of them, so every form offers
 * the same list the same way (the national GB/T 4754 industries are `IndustryPicker`'s).
 */
export function IndustriesSelect(props: IndustriesSelectProps) {
  const industries = useDictionaryOptions('industry_chain');
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={industries.options}
      loading={industries.loading}
      {...props}
    />
  );
}
