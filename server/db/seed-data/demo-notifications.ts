import { randomUUID } from 'node:crypto';
import type { ChannelSettingsBody } from '../../../common/schemas/notifications';
import { encryptSettings, maskedTarget } from '../../modules/notifications/secrets';
import type { Tx } from '../client';
import { notificationChannels, notifications } from '../schema/notifications';

/**
 * The demo's notifications: DingTalk and WeCom groups configured but switched off (the demo reaches no one outside),
 * and a few messages in the demo people's inboxes so the bell has something to show on first start.
 */
export async function insertDemoNotifications(
  tx: Tx,
  options: { serverSecret: string; unitIds: Map<string, string>; userIds: Map<string, string>; today: string },
) {
  const { serverSecret, unitIds, userIds, today } = options;
  const channels: { unitKey: string; label: string; settings: ChannelSettingsBody }[] = [
    {
      unitKey: 'street_beiyuan',
      label: '北园街道重点项目工作群（钉钉）',
      settings: {
        kind: 'dingtalk',
        webhook: 'https://oapi.dingtalk.com/robot/send?access_token=demo0beiyuan0000000000000000000000000000000000000000000000000000',
        secret: 'SECdemo0000000000000000000000000000000000000000000000000000000000',
      },
    },
    {
      unitKey: 'project_office',
      label: '区重点项目调度群（企业微信）',
      settings: { kind: 'wecom', key: 'demo-0000-0000-0000-project-office' },
    },
    {
      unitKey: 'housing',
      label: '区住建局项目群（钉钉）',
      settings: {
        kind: 'dingtalk',
        webhook: 'https://oapi.dingtalk.com/robot/send?access_token=demo0housing0000000000000000000000000000000000000000000000000000',
      },
    },
  ];
  for (const channel of channels) {
    const unitId = unitIds.get(channel.unitKey);
    if (!unitId) continue;
    const id = randomUUID();
    await tx.insert(notificationChannels).values({
      id,
      unitId,
      kind: channel.settings.kind,
      label: channel.label,
      target: maskedTarget(channel.settings),
      settingsEncrypted: encryptSettings(serverSecret, id, channel.settings),
      enabled: false,
    });
  }

  const month = today.slice(0, 7);
  const inbox: { username: string; kind: string; messageKey: string; params: Record<string, string | number>; link: string | null }[] = [
    { username: 'unit', kind: 'announcement', messageKey: 'notification.demo.welcome', params: {}, link: null },
    {
      username: 'unit',
      kind: 'report_reminder',
      messageKey: 'notification.report.remind',
      params: { period: month, deadline: `${month}-25`, unit: '北园街道办事处', count: 2 },
      link: '/my-reports',
    },
    { username: 'office', kind: 'announcement', messageKey: 'notification.demo.welcome', params: {}, link: null },
    { username: 'leader', kind: 'announcement', messageKey: 'notification.demo.welcome', params: {}, link: null },
    { username: 'admin', kind: 'announcement', messageKey: 'notification.demo.welcome', params: {}, link: null },
  ];
  const rows = inbox.flatMap((n) => {
    const recipientId = userIds.get(n.username);
    return recipientId ? [{ recipientId, kind: n.kind, messageKey: n.messageKey, params: n.params, link: n.link }] : [];
  });
  if (rows.length) await tx.insert(notifications).values(rows);
}
