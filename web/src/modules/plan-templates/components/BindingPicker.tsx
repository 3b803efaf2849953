import { Select } from 'antd';
import { useI18n } from '../../../i18n';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { type Binding, bindingValue, parseBinding } from '../utils/template-draft';

type BindingPickerProps = { value: Binding; onChange: (binding: Binding) => void; error?: string; testId: string };

/**
 * What a template milestone is bound to: nothing, the project's planned start or completion (开工/竣工), or an
 * approval item type of the dictionary in use (reached when the project's approval item is approved, on its date).
 */
export function BindingPicker({ value, onChange, error, testId }: BindingPickerProps) {
  const { t } = useI18n();
  const approvalTypes = useDictionaryOptions('approval_item_type');
  const current = bindingValue(value);
  // A type disabled in the dictionary since it was bound still shows its name (saving it is refused).
  const known = value.kind !== 'approval' || approvalTypes.options.some((o) => o.value === value.code);
  const approvalOptions = [
    ...approvalTypes.options.map((o) => ({ value: `approval:${o.value}`, label: o.label })),
    ...(known || value.kind !== 'approval' ? [] : [{ value: current, label: approvalTypes.label(value.code) }]),
  ];
  return (
    <Select
      value={current}
      onChange={(next: string) => onChange(parseBinding(next))}
      status={error ? 'error' : undefined}
      loading={approvalTypes.loading}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      aria-label={t('templates.binding')}
      data-testid={testId}
      options={[
        { value: 'none', label: t('templates.bindingNone') },
        {
          label: t('templates.bindingDates'),
          title: t('templates.bindingDates'),
          options: [
            { value: 'start', label: t('templates.bindingStart') },
            { value: 'completion', label: t('templates.bindingCompletion') },
          ],
        },
        { label: t('templates.bindingApprovals'), title: t('templates.bindingApprovals'), options: approvalOptions },
      ]}
    />
  );
}
