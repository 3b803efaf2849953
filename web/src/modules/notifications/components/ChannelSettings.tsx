import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Popconfirm, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelKind } from '../../../../../common/schemas/notifications';
import { useI18n } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { useShowError } from '../../../lib/use-show-error';
import { FormModal } from '../../../ui/FormModal';
import type { ChannelOwner, ChannelSettingsBody, NotificationChannel } from '../api/notifications-api';
import { useChannels, useCreateChannel, useDeleteChannel, useTestChannel, useToggleChannel } from '../hooks/use-notifications';

type FormValues = {
  label: string;
  enabled: boolean;
  settings: {
    kind: ChannelKind;
    webhook?: string;
    secret?: string;
    key?: string;
    host?: string;
    port?: number;
    security?: 'tls' | 'starttls' | 'none';
    user?: string;
    password?: string;
    from?: string;
    to?: string;
    url?: string;
    phones?: string;
  };
};

const list = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
const blankToUndefined = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** The settings the API takes, from the form (lists typed with commas). */
function settingsOf(values: FormValues['settings']): ChannelSettingsBody {
  switch (values.kind) {
    case 'dingtalk':
      return { kind: 'dingtalk', webhook: values.webhook ?? '', secret: blankToUndefined(values.secret) };
    case 'wecom':
      return { kind: 'wecom', key: values.key ?? '' };
    case 'email':
      return {
        kind: 'email',
        host: values.host ?? '',
        port: values.port ?? undefined,
        security: values.security ?? 'tls',
        user: blankToUndefined(values.user),
        password: blankToUndefined(values.password),
        from: values.from ?? '',
        to: list(values.to),
      };
    case 'sms':
      return { kind: 'sms', url: values.url ?? '', method: 'GET', phones: list(values.phones) };
  }
}

/** The fields of one kind of channel. */
function KindFields({ kind }: { kind: ChannelKind | undefined }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  switch (kind) {
    case 'dingtalk':
      return (
        <>
          <Form.Item name={['settings', 'webhook']} label={t('channels.webhook')} rules={required} extra={t('channels.webhookHelp')}>
            <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" />
          </Form.Item>
          <Form.Item name={['settings', 'secret']} label={t('channels.secret')}>
            <Input.Password placeholder="SEC…" autoComplete="off" />
          </Form.Item>
        </>
      );
    case 'wecom':
      return (
        <Form.Item name={['settings', 'key']} label={t('channels.key')} rules={required}>
          <Input.Password autoComplete="off" />
        </Form.Item>
      );
    case 'email':
      return (
        <>
          <Flex gap={8}>
            <Form.Item name={['settings', 'host']} label={t('channels.host')} rules={required} style={{ flex: 1 }}>
              <Input placeholder="smtp.example.gov.cn" />
            </Form.Item>
            <Form.Item name={['settings', 'port']} label={t('channels.port')}>
              <InputNumber min={1} max={65535} />
            </Form.Item>
          </Flex>
          <Form.Item name={['settings', 'security']} label={t('channels.security')} initialValue="tls">
            <Select options={(['tls', 'starttls', 'none'] as const).map((value) => ({ value, label: t(`channels.security.${value}`) }))} />
          </Form.Item>
          <Flex gap={8}>
            <Form.Item name={['settings', 'user']} label={t('channels.user')} style={{ flex: 1 }}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['settings', 'password']} label={t('channels.password')} style={{ flex: 1 }}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Flex>
          <Form.Item name={['settings', 'from']} label={t('channels.from')} rules={required}>
            <Input placeholder="蓝图 <lantu@example.gov.cn>" />
          </Form.Item>
          <Form.Item name={['settings', 'to']} label={t('channels.to')} rules={required} extra={t('channels.listHelp')}>
            <Input />
          </Form.Item>
        </>
      );
    case 'sms':
      return (
        <>
          <Form.Item name={['settings', 'url']} label={t('channels.smsUrl')} rules={required} extra={t('channels.smsUrlHelp')}>
            <Input placeholder="https://sms.example.gov.cn/send?mobile={{phone}}&content={{text}}" />
          </Form.Item>
          <Form.Item name={['settings', 'phones']} label={t('channels.phones')} rules={required} extra={t('channels.listHelp')}>
            <Input />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

/** A unit's or one's own outgoing channels: on/off, send test, delete, and a form to add one. */
export function ChannelSettings({ owner }: { owner: ChannelOwner }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const channels = useChannels(owner);
  const create = useCreateChannel(owner);
  const toggle = useToggleChannel(owner);
  const remove = useDeleteChannel(owner);
  const test = useTestChannel(owner);
  const [adding, setAdding] = useState<true | null>(null);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch(['settings', 'kind'], form);

  const sendTest = (channel: NotificationChannel) =>
    test.mutate(channel.id, {
      onSuccess: (result) =>
        result.ok
          ? message.success(result.message)
          : modal.error({ title: t('channels.testFailed'), content: `${result.message}${result.detail ? `（${result.detail}）` : ''}` }),
      onError: (error) => showError(error),
    });

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="channel-add">
          {t('channels.add')}
        </Button>
      </Flex>
      <Table<NotificationChannel>
        rowKey="id"
        size="small"
        loading={channels.isLoading}
        dataSource={channels.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('channels.label'), dataIndex: 'label' },
          { title: t('channels.kind'), dataIndex: 'kind', render: (value: ChannelKind) => t(`channels.kind.${value}`) },
          {
            title: t('channels.target'),
            dataIndex: 'target',
            render: (value: string) => <Typography.Text type="secondary">{value}</Typography.Text>,
          },
          {
            title: t('channels.enabled'),
            dataIndex: 'enabled',
            render: (enabled: boolean, channel) => (
              <Switch
                size="small"
                checked={enabled}
                onChange={(checked) =>
                  toggle.mutate({ id: channel.id, version: channel.version, enabled: checked }, { onError: (error) => showError(error) })
                }
              />
            ),
          },
          { title: t('channels.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, channel) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  icon={<SendOutlined />}
                  loading={test.isPending && test.variables === channel.id}
                  onClick={() => sendTest(channel)}
                  data-testid="channel-test"
                >
                  {t('channels.test')}
                </Button>
                <Popconfirm title={t('channels.deleteConfirm')} onConfirm={() => remove.mutateAsync(channel.id).catch(showError)}>
                  <Button size="small" danger>
                    {t('action.delete')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]}
      />
      <FormModal<FormValues, true>
        target={adding}
        title={t('channels.add')}
        form={form}
        startValues={() => ({ enabled: false, settings: { kind: 'dingtalk' } })}
        onSubmit={(values) => create.mutateAsync({ label: values.label, enabled: values.enabled, settings: settingsOf(values.settings) })}
        onClose={() => setAdding(null)}
        testId="channel-form"
      >
        <Form.Item name="label" label={t('channels.label')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={['settings', 'kind']} label={t('channels.kind')}>
          <Select
            options={(['dingtalk', 'wecom', 'email', 'sms'] as const).map((value) => ({ value, label: t(`channels.kind.${value}`) }))}
          />
        </Form.Item>
        <KindFields kind={kind} />
        <Form.Item name="enabled" label={t('channels.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </>
  );
}
