import { createHmac } from 'node:crypto';
import {
  type Channel,
  type ChannelOptions,
  checkPhones,
  failed,
  httpStatusFailure,
  type NotifyMessage,
  robotAnswer,
  type SendResult,
  truncateUtf8,
} from './channel';
import { configInvalid, NotifyError } from './errors';
import { sendOutgoing } from './outgoing-request';

/** A DingTalk (or 浙政钉) group robot: its webhook (with `access_token`) and, when 加签 is on, its `SEC…` secret. */
export type DingTalkSettings = { webhook: string; secret?: string };

// DingTalk's limit on a robot message is about 20,000 bytes; stay below it.
const MAX_TEXT_BYTES = 18_000;
// Codes that say "later": system busy, and the robot's rate limits (20 messages a minute per robot).
const RETRYABLE_ERRCODES = new Set([-1, 130101, 410100]);

/**
 * DingTalk's signature of the 加签 security setting: base64(HMAC-SHA256 keyed with the secret over
 * `${timestamp}\n${secret}`), the timestamp in milliseconds, accepted within an hour of DingTalk's clock.
 */
export function dingTalkSignature(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook with `timestamp` and `sign` added (URL-encoded) when the robot has a secret. */
export function signedDingTalkUrl(webhook: string, secret: string | undefined, timestamp: number): string {
  if (!URL.canParse(webhook)) throw new NotifyError('notify.url_invalid', 'notify.url_invalid');
  const url = new URL(webhook);
  if (!url.searchParams.get('access_token')) throw configInvalid('notify.config_invalid.dingtalk_token');
  if (secret) {
    url.searchParams.set('timestamp', String(timestamp));
    url.searchParams.set('sign', dingTalkSignature(secret, timestamp));
  }
  return url.toString();
}

/** The markdown message, with the mentioned mobiles written into the text as DingTalk requires for a mention. */
export function dingTalkBody(message: NotifyMessage): string {
  const phones = message.phones ?? [];
  const mentions = phones.length ? `\n\n${phones.map((phone) => `@${phone}`).join(' ')}` : '';
  const text = truncateUtf8(message.text, MAX_TEXT_BYTES - Buffer.byteLength(mentions, 'utf8')) + mentions;
  return JSON.stringify({
    msgtype: 'markdown',
    markdown: { title: truncateUtf8(message.title, 200), text },
    at: { atMobiles: phones, isAtAll: false },
  });
}

/** A DingTalk group robot channel; an answer with `errcode` other than 0 counts as a failure. */
export function dingTalkChannel(settings: DingTalkSettings, options: ChannelOptions = {}): Channel {
  return {
    kind: 'dingtalk',
    async send(message): Promise<SendResult> {
      try {
        checkPhones(message.phones ?? []);
        // signed at each send: the signature is only good for an hour
        const url = signedDingTalkUrl(settings.webhook, settings.secret, (options.now ?? Date.now)());
        const host = new URL(url).hostname;
        const response = await sendOutgoing(
          {
            url,
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: dingTalkBody(message),
            timeoutMs: options.timeoutMs,
            maxResponseBytes: options.maxResponseBytes,
          },
          options.policy,
        );
        if (response.status < 200 || response.status >= 300) return httpStatusFailure(host, response.status, response.body);
        return robotAnswer('dingtalk', response.status, response.body, RETRYABLE_ERRCODES);
      } catch (error) {
        return failed(error);
      }
    },
  };
}
