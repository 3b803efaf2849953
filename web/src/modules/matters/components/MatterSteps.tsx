import { Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { AttachmentPicker } from '../../attachments/components/AttachmentPicker';
import { useShowError } from '../../../lib/use-show-error';
import { MATTER_STEPS, type MatterDetail, type MatterStep } from '../api/matters-api';
import { useMatterStep } from '../hooks/use-matters';
import { ReassignMatterModal } from './ReassignMatterModal';

/** The step buttons the matter's abilities allow, and 改派; a step that needs a text asks for it first. */
export function MatterSteps({ matter }: { matter: MatterDetail }) {
  const { t } = useI18n();
  const showError = useShowError();
  const step = useMatterStep(matter.id);
  const [asking, setAsking] = useState<MatterStep | null>(null);
  const [text, setText] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [reassigning, setReassigning] = useState(false);
  const allowed = MATTER_STEPS.filter((s) => matter.abilities[s.ability]);
  if (allowed.length === 0 && !matter.abilities.reassign) return null;

  const take = (s: MatterStep, withText?: string, attachmentIds?: string[]) =>
    step.mutate(
      { path: s.path, version: matter.version, text: withText, attachmentIds },
      {
        onSuccess: () => {
          setAsking(null);
          setText('');
          setEvidence([]);
        },
        onError: (error) => showError(error),
      },
    );

  return (
    <>
      <Space wrap>
        {allowed.map((s) => (
          <Button
            key={s.path}
            type={s.path === 'send-back' ? 'default' : 'primary'}
            danger={s.path === 'send-back'}
            loading={step.isPending}
            data-testid={`matter-step-${s.path}`}
            onClick={() => (s.needsText ? setAsking(s) : take(s))}
          >
            {t(`matter.step.${s.ability}`)}
          </Button>
        ))}
        {matter.abilities.reassign && (
          <Button onClick={() => setReassigning(true)} data-testid="matter-reassign">
            {t('matter.reassign')}
          </Button>
        )}
      </Space>
      <ReassignMatterModal matter={reassigning ? matter : null} onClose={() => setReassigning(false)} />
      <Modal
        open={asking !== null}
        title={asking ? t(`matter.step.${asking.ability}`) : ''}
        okText={t('action.confirm')}
        cancelText={t('action.cancel')}
        okButtonProps={{ disabled: !text.trim(), loading: step.isPending }}
        onOk={() => asking && take(asking, text.trim(), evidence)}
        onCancel={() => setAsking(null)}
      >
        <Input.TextArea
          rows={4}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('matter.stepText')}
          data-testid="matter-step-text"
        />
        <div style={{ marginTop: 12 }}>
          <AttachmentPicker recordType="matter" recordId={matter.id} value={evidence} onChange={setEvidence} />
        </div>
      </Modal>
    </>
  );
}
