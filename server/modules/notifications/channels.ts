import type { ChannelSettingsBody } from '../../../common/schemas/notifications';
import type { Executor } from '../../db/client';
import { notificationAllowedHosts } from '../../db/schema/notifications';
import { invalidField } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import {
  type Channel,
  type ChannelSettings,
  checkEmailSettings,
  checkOutgoingHost,
  checkOutgoingUrl,
  checkSmsSettings,
  createChannel,
  NotifyError,
  type NotifyMessage,
  type OutgoingPolicy,
  WECOM_ENDPOINT,
} from '../../lib/notify';
import { signedDingTalkUrl } from '../../lib/notify/dingtalk';
import { weComUrl } from '../../lib/notify/wecom';

/** The outgoing policy of this installation: the intranet hosts an administrator allowed. */
export async function outgoingPolicy(db: Executor, extra: Partial<OutgoingPolicy> = {}): Promise<OutgoingPolicy> {
  const rows = await db.select({ host: notificationAllowedHosts.host }).from(notificationAllowedHosts);
  return { ...extra, allowedHosts: rows.map((r) => r.host) };
}

/** The library's settings of a stored channel (the recipients stay with the message). */
function librarySettings(settings: ChannelSettingsBody): ChannelSettings {
  switch (settings.kind) {
    case 'dingtalk':
      return { kind: 'dingtalk', webhook: settings.webhook, secret: settings.secret };
    case 'wecom':
      return { kind: 'wecom', key: settings.key, endpoint: settings.endpoint };
    case 'email': {
      const { to: _to, ...server } = settings;
      return server;
    }
    case 'sms':
      return {
        kind: 'sms',
        url: settings.url,
        method: settings.method,
        headers: settings.headers,
        body: settings.body,
        success: settings.success,
      };
  }
}

/** A channel ready to send, and the message with the channel's recipients (mentions, mailboxes, phones) added. */
export function channelOf(
  settings: ChannelSettingsBody,
  policy: OutgoingPolicy,
): { channel: Channel; address: (m: NotifyMessage) => NotifyMessage } {
  const channel = createChannel(librarySettings(settings), { policy });
  const address = (message: NotifyMessage): NotifyMessage => {
    switch (settings.kind) {
      case 'dingtalk':
        return { ...message, phones: settings.phones ?? [] };
      case 'email':
        return { ...message, emails: settings.to };
      case 'sms':
        return { ...message, phones: settings.phones };
      case 'wecom':
        return message;
    }
  };
  return { channel, address };
}

/** The field of the settings a library refusal is about. */
function fieldOf(settings: ChannelSettingsBody, error: NotifyError): string {
  const key = error.messageKey;
  switch (settings.kind) {
    case 'dingtalk':
      return key === 'notify.config_invalid.phone' ? 'settings.phones' : 'settings.webhook';
    case 'wecom':
      return key === 'notify.config_invalid.wecom_key' ? 'settings.key' : 'settings.endpoint';
    case 'email':
      if (key === 'notify.config_invalid.port') return 'settings.port';
      if (key === 'notify.config_invalid.smtp_auth_needs_tls') return 'settings.security';
      return 'settings.host';
    case 'sms':
      if (key === 'notify.config_invalid.header') return 'settings.headers';
      if (key === 'notify.config_invalid.sms_template') return 'settings.body';
      return 'settings.url';
  }
}

/**
 * Checks a channel's settings before they are saved: the shape each channel needs, and every address it will send
 * to resolved and checked (no loopback, link-local, private or own address unless the host is allowed). A refusal is
 * a 400 naming the field, in the reader's language.
 */
export async function checkChannelSettings(settings: ChannelSettingsBody, policy: OutgoingPolicy): Promise<void> {
  try {
    switch (settings.kind) {
      case 'dingtalk':
        await checkOutgoingUrl(settings.webhook, policy);
        signedDingTalkUrl(settings.webhook, settings.secret, Date.now());
        break;
      case 'wecom':
        weComUrl(settings);
        // Tencent's public endpoint is checked when sent; an intranet 政务微信 endpoint is checked now.
        if (settings.endpoint && settings.endpoint !== WECOM_ENDPOINT) await checkOutgoingUrl(settings.endpoint, policy);
        break;
      case 'email':
        checkEmailSettings(librarySettings(settings) as Extract<ChannelSettings, { kind: 'email' }>);
        await checkOutgoingHost(settings.host, policy);
        break;
      case 'sms':
        checkSmsSettings(librarySettings(settings) as Extract<ChannelSettings, { kind: 'sms' }>);
        await checkOutgoingUrl(settings.url.replace(/\{\{\s*[a-z]+\s*\}\}/g, 'x'), policy);
        break;
    }
  } catch (error) {
    if (error instanceof NotifyError) throw invalidField(fieldOf(settings, error), error.messageKey as MessageKey, error.params);
    throw error;
  }
}
