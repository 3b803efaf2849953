import type { Channel, ChannelOptions } from './channel';
import { type DingTalkSettings, dingTalkChannel } from './dingtalk';
import { type EmailSettings, emailChannel } from './email';
import { type SmsGatewaySettings, smsChannel } from './sms';
import { type WeComSettings, weComChannel } from './wecom';

/**
 * The outgoing half of notifications: checked outgoing requests, the four channels behind one `send`, and the retry
 * schedule. No database and no timers between attempts: the notifications module keeps settings and the delivery log,
 * and its job decides when to try again.
 */
export type ChannelSettings =
  | ({ kind: 'dingtalk' } & DingTalkSettings)
  | ({ kind: 'wecom' } & WeComSettings)
  | ({ kind: 'sms' } & SmsGatewaySettings)
  | ({ kind: 'email' } & EmailSettings);

/** The channel for a unit's or the district's settings. */
export function createChannel(settings: ChannelSettings, options: ChannelOptions = {}): Channel {
  switch (settings.kind) {
    case 'dingtalk':
      return dingTalkChannel(settings, options);
    case 'wecom':
      return weComChannel(settings, options);
    case 'sms':
      return smsChannel(settings, options);
    case 'email':
      return emailChannel(settings, options);
  }
}

export type { AddressKind } from './addresses';
export { classifyAddress } from './addresses';
export type { Channel, ChannelKind, ChannelOptions, NotifyMessage, SendResult } from './channel';
export { plainMarkdown } from './channel';
export { dingTalkSignature, type DingTalkSettings } from './dingtalk';
export { checkEmailSettings, type EmailSettings } from './email';
export { NotifyError, type NotifyErrorCode, type NotifyParams } from './errors';
export { type NotifyMessageKey, notifyEn, notifyZh, renderNotifyMessage } from './messages';
export { type OutgoingRequest, type OutgoingResponse, sendOutgoing } from './outgoing-request';
export {
  type CheckedHost,
  type CheckedUrl,
  checkOutgoingHost,
  checkOutgoingUrl,
  type OutgoingPolicy,
  type Resolve,
} from './outgoing-target';
export { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy, retryDelay } from './retry';
export { checkSmsSettings, type JsonValue, type SmsGatewaySettings } from './sms';
export { type WeComSettings, WECOM_ENDPOINT } from './wecom';
