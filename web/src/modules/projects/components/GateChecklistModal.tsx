import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useShowError } from '../../../lib/use-show-error';
import type { GateCheck, Project } from '../api/projects-api';
import { PROJECTS_KEY, useMoveProject } from '../hooks/use-projects';
import { moveKind } from '../../../../../common/domain/pools';
import { conditionsAfterRefusal, type GateCondition, moveLabel } from '../utils/moves';

type GateChecklistModalProps = {
  project: Project;
  gate: GateCheck | null;
  /** Only the checklist, for a user who may not make the move. */
  readOnly?: boolean;
  onClose: () => void;
};

/** The conditions of one gate, each met (✓) or not (✗). */
function Checklist({ conditions }: { conditions: GateCondition[] }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={6} data-testid="gate-checklist" style={{ margin: '12px 0' }}>
      {conditions.map((c) => (
        <Flex key={c.key} gap={8} align="center" data-testid={`gate-condition-${c.key}`} data-met={String(c.met)}>
          {c.met ? (
            <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('move.met')} />
          ) : (
            <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-label={t('move.notMet')} />
          )}
          <Typography.Text type={c.met ? undefined : 'danger'}>{c.label}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * A move between pools: the gate's checklist, and when every condition is met, a confirmation (with the reason a
 * move back or a withdrawal needs). If the server still refuses (data changed meanwhile), its list replaces ours.
 */
export function GateChecklistModal({ project, gate, readOnly = false, onClose }: GateChecklistModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason?: string }>();
  const move = useMoveProject(project.id);
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<GateCondition[] | null>(null);

  useEffect(() => {
    if (!gate) return;
    setRefused(null);
    form.resetFields();
  }, [gate, form]);

  if (!gate) return null;
  const conditions = refused ?? gate.conditions;
  const unmet = conditions.filter((c) => !c.met).length;
  const needsReason = moveKind(gate.from, gate.to) !== 'forward';
  const canMove = unmet === 0;

  const submit = ({ reason }: { reason?: string }) => {
    move.mutate(
      { to: gate.to, reason: reason?.trim() || undefined, version: project.version },
      {
        onSuccess: () => {
          message.success(t('move.done', { pool: t(`pool.${gate.to}`) }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'gate_refused') {
            setRefused(conditionsAfterRefusal(gate.conditions, error.details));
            // The project changed since the checklist was read: refresh it (and the buttons) for next time.
            void queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
            return;
          }
          showError(error, { form, onConflict: onClose });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${t(moveLabel(gate.from, gate.to))}（${t('move.title', { from: t(`pool.${gate.from}`), to: t(`pool.${gate.to}`) })}）`}
      onCancel={onClose}
      onOk={() => form.submit()}
      footer={readOnly ? null : undefined}
      okText={t('move.confirm', { action: t(moveLabel(gate.from, gate.to)) })}
      okButtonProps={{ disabled: !canMove, danger: gate.to === 'withdrawn', 'data-testid': 'move-confirm' }}
      cancelText={t('action.cancel')}
      cancelButtonProps={{ 'data-testid': 'move-cancel' }}
      confirmLoading={move.isPending}
      data-testid="gate-modal"
    >
      {refused ? (
        <Alert type="error" showIcon title={t('move.refused')} />
      ) : conditions.length === 0 ? (
        <Typography.Text type="secondary">{t('move.noConditions')}</Typography.Text>
      ) : canMove ? (
        <Alert type="success" showIcon title={t('move.allMet')} />
      ) : (
        <Alert type="warning" showIcon title={t('move.unmet', { count: unmet })} />
      )}
      <Checklist conditions={conditions} />
      <Form form={form} layout="vertical" onFinish={submit}>
        {canMove && !readOnly && (
          <Form.Item
            name="reason"
            label={needsReason ? t('move.reason') : t('move.reasonOptional')}
            rules={[{ required: needsReason, whitespace: true, message: t('move.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="move-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
