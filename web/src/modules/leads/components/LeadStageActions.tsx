import { Button, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { LeadStage } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { FormModal } from '../../../ui/FormModal';
import type { Lead } from '../api/leads-api';
import { useMoveLead } from '../hooks/use-leads';
import { SignLeadModal } from './SignLeadModal';

/** The stage buttons the reader may press (the lead's `nextStages`): the next stage, 签约 (a dialog), 终止 (a reason). */
export function LeadStageActions({ lead }: { lead: Lead }) {
  const { t } = useI18n();
  const move = useMoveLead(lead.id);
  const showError = useShowError();
  const [signing, setSigning] = useState<Lead | null>(null);
  const [dropping, setDropping] = useState<Lead | null>(null);
  const forward = lead.nextStages.filter((s) => s !== 'dropped');
  const go = (to: LeadStage) => move.mutateAsync({ to, version: lead.version }).catch((error) => showError(error));
  return (
    <Space wrap>
      {forward.map((to) =>
        to === 'signed' ? (
          <Button key={to} type="primary" onClick={() => setSigning(lead)} data-testid="lead-sign">
            {t('lead.sign')}
          </Button>
        ) : (
          <Popconfirm key={to} title={t('lead.moveConfirm', { stage: t(`leadStage.${to}`) })} onConfirm={() => go(to)}>
            <Button type="primary" loading={move.isPending} data-testid={`lead-move-${to}`}>
              {t('lead.moveTo', { stage: t(`leadStage.${to}`) })}
            </Button>
          </Popconfirm>
        ),
      )}
      {lead.nextStages.includes('dropped') && (
        <Button danger onClick={() => setDropping(lead)} data-testid="lead-drop">
          {t('lead.drop')}
        </Button>
      )}
      <SignLeadModal lead={signing} onClose={() => setSigning(null)} />
      <FormModal<{ reason: string }, Lead>
        target={dropping}
        title={t('lead.dropTitle')}
        okText={t('lead.drop')}
        onSubmit={(values, l) => move.mutateAsync({ to: 'dropped', reason: values.reason, version: l.version })}
        onClose={() => setDropping(null)}
        testId="lead-drop-form"
      >
        <Form.Item name="reason" label={t('lead.dropReason')} rules={[{ required: true, message: t('validation.required') }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} data-testid="lead-drop-reason" />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
