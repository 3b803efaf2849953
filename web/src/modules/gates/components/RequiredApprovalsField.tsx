import { Form, Select } from 'antd';
import { useI18n } from '../../../i18n';
import type { ApprovalType } from '../../../lib/enums';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';

/** The approval items (dictionary 审批事项) one approval type must complete before construction. */
export function RequiredApprovalsField({ type }: { type: ApprovalType }) {
  const { t } = useI18n();
  const items = useDictionaryOptions('approval_item_type');
  return (
    <Form.Item name={['requiredApprovals', type]} label={t(`approvalType.${type}`)}>
      <Select
        mode="multiple"
        allowClear
        loading={items.loading}
        options={items.options}
        // An item disabled in the dictionary since it was chosen still shows its name (saving it is refused).
        labelRender={({ label, value }) => label ?? items.label(String(value))}
        placeholder={t('gates.noApprovals')}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid={`required-approvals-${type}`}
      />
    </Form.Item>
  );
}
