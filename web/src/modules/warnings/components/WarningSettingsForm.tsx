import { Alert, App, Button, Divider, Form, InputNumber, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { type MessageKey, useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import type { WarningSettings, WarningThresholds } from '../api/warnings-api';
import { useUpdateWarningSettings } from '../hooks/use-warnings';

type Values = { thresholds: WarningThresholds };
type Field = { name: keyof WarningThresholds; colour: 'red' | 'yellow'; points?: boolean };

// Grouped by the rule they belong to; bounds as in warningSettingsSchema (common/schemas/warnings.ts), which the server
// checks again — including that a yellow threshold is not above its red one, shown under the yellow field.
const RULES: { title: MessageKey; fields: Field[] }[] = [
  {
    title: 'warning.rule.milestone',
    fields: [
      { name: 'redMilestoneOverdueDays', colour: 'red' },
      { name: 'yellowMilestoneOverdueDays', colour: 'yellow' },
    ],
  },
  {
    title: 'warning.rule.behind',
    fields: [
      { name: 'redBehindPoints', colour: 'red', points: true },
      { name: 'yellowBehindPoints', colour: 'yellow', points: true },
    ],
  },
  { title: 'warning.rule.matter', fields: [{ name: 'redMatterOverdueDays', colour: 'red' }] },
  { title: 'warning.rule.report', fields: [{ name: 'yellowReportMissingDays', colour: 'yellow' }] },
];

/** The district's warning thresholds, for those who may change them; saving recomputes the district's colours. */
export function WarningSettingsForm({ settings }: { settings: WarningSettings }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateWarningSettings();
  const showError = useShowError();

  useEffect(() => {
    form.setFieldsValue({ thresholds: settings.thresholds });
  }, [settings, form]);

  const submit = (values: Values) =>
    update.mutate(
      { thresholds: values.thresholds, version: settings.version },
      { onSuccess: () => message.success(t('warning.settingsSaved')), onError: (error) => showError(error, { form }) },
    );

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }} data-testid="warning-settings-form">
      <Typography.Paragraph type="secondary">
        {t('warning.settingsIntro')}{' '}
        {settings.isDefault && (
          <Tag color="blue" data-testid="warning-settings-default">
            {t('warning.settingsDefault')}
          </Tag>
        )}
      </Typography.Paragraph>
      {RULES.map((rule, i) => (
        <div key={rule.title}>
          {i > 0 && <Divider style={{ margin: '8px 0 16px' }} />}
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t(rule.title)}
          </Typography.Title>
          {rule.fields.map((field) => (
            <Form.Item
              key={field.name}
              name={['thresholds', field.name]}
              label={
                <span>
                  <Tag color={field.colour === 'red' ? 'red' : 'gold'}>{t(`warningColour.${field.colour}`)}</Tag>
                  {t(`warning.setting.${field.name}`)}
                </span>
              }
              extra={t(`warning.settingHint.${field.name}`)}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <InputNumber
                min={0}
                max={field.points ? 100 : 3650}
                step={field.points ? 0.1 : 1}
                precision={field.points ? 1 : 0}
                suffix={t(field.points ? 'warning.suffixPoints' : 'warning.suffixDays')}
                style={{ width: 200 }}
                data-testid={`warning-setting-${field.name}`}
              />
            </Form.Item>
          ))}
        </div>
      ))}
      <Alert type="info" showIcon title={t('warning.settingsRecompute')} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="warning-settings-save">
        {t('action.save')}
      </Button>
    </Form>
  );
}
