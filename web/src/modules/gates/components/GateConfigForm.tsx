import { App, Button, Col, Form, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { DEFAULT_GATE_CONFIG, FORWARD_MOVES, type GateConfig } from '../../../../../common/domain/gates';
import { useI18n } from '../../../i18n';
import { APPROVAL_TYPES } from '../../../lib/enums';
import { useShowError } from '../../../lib/use-show-error';
import type { GateConfigView } from '../api/gates-api';
import { useUpdateGateConfig } from '../hooks/use-gate-config';
import { toBody, toFormValues } from '../utils/gate-form';
import { MoveConditionsField } from './MoveConditionsField';
import { RequiredApprovalsField } from './RequiredApprovalsField';

type GateConfigFormProps = { config: GateConfigView; editable: boolean };

/**
 * The district's pool gates: the conditions of each forward move and the approval items of each approval type. Saved
 * whole with the version read; a stale version asks to reload, a refused field shows its error under it.
 */
export function GateConfigForm({ config, editable }: GateConfigFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<GateConfig>();
  const update = useUpdateGateConfig();
  const showError = useShowError();

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toFormValues(config));
  }, [config, form]);

  const submit = (values: GateConfig) =>
    update.mutate(toBody(values, config.version), {
      onSuccess: () => message.success(t('common.saved')),
      onError: (error) => showError(error, { form }),
    });

  const restoreDefaults = () => {
    form.setFieldsValue(toFormValues(DEFAULT_GATE_CONFIG));
    message.info(t('gates.defaultsFilled'));
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={!editable} data-testid="gates-form">
      <Typography.Title level={5}>{t('gates.moves')}</Typography.Title>
      <Row gutter={24}>
        {FORWARD_MOVES.map((move) => (
          <Col key={move} xs={24} lg={8}>
            <MoveConditionsField move={move} labels={config.conditionLabels} />
          </Col>
        ))}
      </Row>
      <Typography.Title level={5}>{t('gates.approvals')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('gates.approvalsHint')}</Typography.Paragraph>
      <Row gutter={24}>
        {APPROVAL_TYPES.map((type) => (
          <Col key={type} xs={24} lg={8}>
            <RequiredApprovalsField type={type} />
          </Col>
        ))}
      </Row>
      {editable && (
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="gates-save">
            {t('action.save')}
          </Button>
          {!config.isDefault && (
            <Button onClick={restoreDefaults} data-testid="gates-restore-defaults">
              {t('gates.restoreDefaults')}
            </Button>
          )}
        </Space>
      )}
    </Form>
  );
}
