import {
  type Channel,
  type ChannelOptions,
  failed,
  httpStatusFailure,
  type NotifyMessage,
  robotAnswer,
  type SendResult,
  truncateUtf8,
} from './channel';
import { configInvalid } from './errors';
import { sendOutgoing } from './outgoing-request';

/**
 * A WeCom (企业微信, or a 政务微信 deployment) group robot: its webhook key, and the send endpoint when it is not
 * Tencent's public one.
 */
export type WeComSettings = { key: string; endpoint?: string };

export const WECOM_ENDPOINT = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send';
// WeCom refuses markdown content over 4,096 bytes of UTF-8.
const MAX_CONTENT_BYTES = 4096;
// System busy, the robot's rate limit (20 messages a minute) and the API's concurrency limit.
const RETRYABLE_ERRCODES = new Set([-1, 45009, 45033]);
const KEY = /^[A-Za-z0-9-]{8,100}$/;

/** The send URL of a robot: the endpoint with `key` set. */
export function weComUrl(settings: WeComSettings): string {
  if (!KEY.test(settings.key)) throw configInvalid('notify.config_invalid.wecom_key');
  const endpoint = settings.endpoint ?? WECOM_ENDPOINT;
  if (!URL.canParse(endpoint)) return endpoint; // the URL check reports it
  const url = new URL(endpoint);
  url.searchParams.set('key', settings.key);
  return url.toString();
}

/** The markdown message: the title as a heading over the text, within WeCom's size limit. */
export function weComBody(message: NotifyMessage): string {
  return JSON.stringify({
    msgtype: 'markdown',
    markdown: { content: truncateUtf8(`## ${message.title}\n${message.text}`, MAX_CONTENT_BYTES) },
  });
}

/** A WeCom group robot channel; an answer with `errcode` other than 0 counts as a failure. */
export function weComChannel(settings: WeComSettings, options: ChannelOptions = {}): Channel {
  return {
    kind: 'wecom',
    async send(message): Promise<SendResult> {
      try {
        const url = weComUrl(settings);
        const host = URL.canParse(url) ? new URL(url).hostname : '';
        const response = await sendOutgoing(
          {
            url,
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8' },
            body: weComBody(message),
            timeoutMs: options.timeoutMs,
            maxResponseBytes: options.maxResponseBytes,
          },
          options.policy,
        );
        if (response.status < 200 || response.status >= 300) return httpStatusFailure(host, response.status, response.body);
        return robotAnswer('wecom', response.status, response.body, RETRYABLE_ERRCODES);
      } catch (error) {
        return failed(error);
      }
    },
  };
}
