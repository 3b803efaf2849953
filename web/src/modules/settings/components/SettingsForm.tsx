import { App, Button, Form, Input, InputNumber } from 'antd';
import { useEffect } from 'react';
import type { Settings } from '../../../../../common/schemas/reference';
import { type MessageKey, useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useUpdateSettings } from '../hooks/use-settings';

type Values = Omit<Settings, 'version'>;

// Bounds as in settingsSchema (common/schemas/reference.ts); the server validates again.
const FIELDS: {
  name: Exclude<keyof Values, 'mapTileUrl'>;
  label: MessageKey;
  hint: MessageKey;
  min: number;
  max: number;
  unit: MessageKey;
}[] = [
  {
    name: 'sessionIdleMinutes',
    label: 'settings.sessionIdleMinutes',
    hint: 'settings.sessionIdleHint',
    min: 5,
    max: 24 * 60,
    unit: 'suffix.minutes',
  },
  {
    name: 'sessionAbsoluteHours',
    label: 'settings.sessionAbsoluteHours',
    hint: 'settings.sessionAbsoluteHint',
    min: 1,
    max: 7 * 24,
    unit: 'suffix.hours',
  },
  {
    name: 'lockoutThreshold',
    label: 'settings.lockoutThreshold',
    hint: 'settings.lockoutThresholdHint',
    min: 3,
    max: 50,
    unit: 'suffix.times',
  },
  {
    name: 'lockoutBaseMinutes',
    label: 'settings.lockoutBaseMinutes',
    hint: 'settings.lockoutBaseHint',
    min: 1,
    max: 24 * 60,
    unit: 'suffix.minutes',
  },
];

/** Session timeouts and sign-in lockout; read-only without setting.update. */
export function SettingsForm({ settings, editable }: { settings: Settings; editable: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateSettings();
  const showError = useShowError();

  useEffect(() => {
    const { version: _version, ...values } = settings;
    form.setFieldsValue(values);
  }, [settings, form]);

  const submit = (values: Values) =>
    update.mutate(
      { ...values, mapTileUrl: values.mapTileUrl?.trim() || null, version: settings.version },
      { onSuccess: () => message.success(t('common.saved')), onError: (error) => showError(error, { form }) },
    );

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={!editable} style={{ maxWidth: 480 }} data-testid="settings-form">
      {FIELDS.map((field) => (
        <Form.Item
          key={field.name}
          name={field.name}
          label={t(field.label)}
          extra={t(field.hint)}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber
            min={field.min}
            max={field.max}
            precision={0}
            suffix={t(field.unit)}
            style={{ width: 200 }}
            data-testid={`setting-${field.name}`}
          />
        </Form.Item>
      ))}
      <Form.Item name="mapTileUrl" label={t('settings.mapTileUrl')} extra={t('settings.mapTileUrlHint')}>
        <Input placeholder="https://tiles.example.gov.cn/{z}/{x}/{y}.png" allowClear maxLength={500} data-testid="setting-mapTileUrl" />
      </Form.Item>
      {editable && (
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="settings-save">
          {t('action.save')}
        </Button>
      )}
    </Form>
  );
}
