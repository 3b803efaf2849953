import { App, Button, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { OPPORTUNITY_ACTIONS, type OpportunityAction } from '../../../../../common/domain/opportunities';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import type { Opportunity } from '../api/opportunities-api';
import { useDeleteOpportunity, useMoveOpportunity } from '../hooks/use-opportunities';

/** The moves that ask "are you sure?" first: the ones the public notices. */
const CONFIRMED: ReadonlySet<OpportunityAction> = new Set(['publish', 'withdraw']);

/** A row's buttons: edit and delete, and each move of the review loop, as the item's abilities allow. */
export function OpportunityActions({ item, onEdit }: { item: Opportunity; onEdit: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const move = useMoveOpportunity();
  const remove = useDeleteOpportunity();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');

  const run = async (action: OpportunityAction, extra: { reason?: string } = {}) => {
    try {
      await move.mutateAsync({ id: item.id, action, version: item.version, ...extra });
      message.success(t(`opportunity.done.${action}`));
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  };

  const button = (action: OpportunityAction) => {
    const testId = `opportunity-${action}-${item.id}`;
    const label = t(`opportunity.action.${action}`);
    if (action === 'return')
      return (
        <Button key={action} size="small" danger onClick={() => setReturning(true)} data-testid={testId}>
          {label}
        </Button>
      );
    if (CONFIRMED.has(action))
      return (
        <Popconfirm key={action} title={t(`opportunity.confirm.${action as 'publish' | 'withdraw'}`)} onConfirm={() => run(action)}>
          <Button size="small" type={action === 'publish' ? 'primary' : 'default'} data-testid={testId}>
            {label}
          </Button>
        </Popconfirm>
      );
    return (
      <Button key={action} size="small" type={action === 'submit' ? 'primary' : 'default'} onClick={() => run(action)} data-testid={testId}>
        {label}
      </Button>
    );
  };

  return (
    <Space size={4} wrap>
      {item.abilities.update && (
        <Button size="small" onClick={onEdit} data-testid={`opportunity-edit-${item.id}`}>
          {t('action.edit')}
        </Button>
      )}
      {OPPORTUNITY_ACTIONS.filter((action) => item.abilities[action]).map(button)}
      {item.abilities.delete && (
        <Popconfirm
          title={t('action.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutateAsync(item.id).then(() => message.success(t('common.deleted')), showError)}
        >
          <Button size="small" danger type="text">
            {t('action.delete')}
          </Button>
        </Popconfirm>
      )}
      <Modal
        open={returning}
        title={t('opportunity.returnTitle')}
        okText={t('opportunity.action.return')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'opportunity-return-ok' }}
        confirmLoading={move.isPending}
        onCancel={() => setReturning(false)}
        onOk={async () => {
          if (await run('return', { reason: reason.trim() })) {
            setReturning(false);
            setReason('');
          }
        }}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder={t('opportunity.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="opportunity-return-reason"
        />
      </Modal>
    </Space>
  );
}
