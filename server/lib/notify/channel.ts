import { type NotifyErrorCode, NotifyError, type NotifyParams } from './errors';
import type { NotifyMessageKey } from './messages';
import type { OutgoingPolicy } from './outgoing-target';

export type ChannelKind = 'dingtalk' | 'wecom' | 'sms' | 'email';

/** One notification as the channels take it. */
export type NotifyMessage = {
  /** A short headline: the mail subject, the robot card's title. */
  title: string;
  /** The body: light markdown for the robots (build user-typed parts with `plainMarkdown`), plain text for SMS and mail. */
  text: string;
  /** Mobile numbers: the SMS recipients, and the people a DingTalk robot @-mentions. */
  phones?: readonly string[];
  /** Mail recipients. */
  emails?: readonly string[];
};

/**
 * What a channel says about one send, in a shape the delivery log can store as it is. A failure carries the code and
 * the message for the administrator, and whether a later retry may succeed; a channel never throws and never waits to
 * retry by itself (the delivery job does, with `retryDelay`).
 */
export type SendResult =
  | { ok: true; status: number | null; detail: string }
  | {
      ok: false;
      status: number | null;
      detail: string;
      code: NotifyErrorCode;
      messageKey: NotifyMessageKey;
      params: NotifyParams;
      retryable: boolean;
    };

export type Channel = { kind: ChannelKind; send(message: NotifyMessage): Promise<SendResult> };

/** What every channel needs besides its own settings. */
export type ChannelOptions = {
  policy?: OutgoingPolicy;
  /** The whole exchange of one send; 10 s by default. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** The clock of DingTalk's signature timestamp (tests pin it). */
  now?: () => number;
};

const DETAIL_LENGTH = 300;

/** A remote answer made safe and short for the delivery log: no control characters, at most 300 characters. */
export function shortDetail(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > DETAIL_LENGTH ? `${clean.slice(0, DETAIL_LENGTH)}…` : clean;
}

/** A failure result from what went wrong: a NotifyError as it is, anything else as a connection failure worth retrying. */
export function failed(error: unknown, status: number | null = null, detail?: string): SendResult {
  const notifyError =
    error instanceof NotifyError
      ? error
      : new NotifyError(
          'notify.connection_failed',
          'notify.connection_failed',
          { host: '', reason: shortDetail(error instanceof Error ? error.message : String(error)) },
          true,
        );
  return {
    ok: false,
    status,
    detail: detail ?? shortDetail(notifyError.message),
    code: notifyError.code,
    messageKey: notifyError.messageKey,
    params: notifyError.params,
    retryable: notifyError.retryable,
  };
}

/** The HTTP status of a robot or gateway that is not a success: a server-side or rate-limit status may pass. */
export function httpStatusFailure(host: string, status: number, body: string): SendResult {
  const retryable = status >= 500 || status === 429 || status === 408;
  return failed(new NotifyError('notify.http_status', 'notify.http_status', { host, status }, retryable), status, shortDetail(body));
}

/** Parses a JSON answer, or null. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character, marking the cut with an ellipsis. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  const budget = maxBytes - Buffer.byteLength('…', 'utf8');
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    out += char;
    bytes += size;
  }
  return `${out}…`;
}

/**
 * Makes user-typed text (a project name, a matter's description) safe to put into a robot's markdown: brackets and
 * angle brackets become their full-width forms, so the text cannot turn into a link, an image or a tag.
 */
export function plainMarkdown(text: string): string {
  return text.replace(/[[\]<>]/g, (char) => ({ '[': '［', ']': '］', '<': '＜', '>': '＞' })[char] ?? char);
}

const PHONE = /^\+?[0-9]{5,20}$/;

/** Checks mobile numbers (digits, an optional leading +). */
export function checkPhones(phones: readonly string[]): void {
  for (const phone of phones) {
    if (!PHONE.test(phone)) throw new NotifyError('notify.config_invalid', 'notify.config_invalid.phone', { phone: phone.slice(0, 40) });
  }
}

/** Reads a robot's `{ errcode, errmsg }` answer (DingTalk and WeCom alike answer HTTP 200 even when they refuse). */
export function robotAnswer(robot: 'dingtalk' | 'wecom', status: number, body: string, retryable: ReadonlySet<number>): SendResult {
  const answer = parseJson(body) as { errcode?: unknown; errmsg?: unknown } | null;
  const errcode = typeof answer?.errcode === 'number' ? answer.errcode : null;
  if (errcode === 0) return { ok: true, status, detail: shortDetail(body) };
  const errmsg = typeof answer?.errmsg === 'string' ? shortDetail(answer.errmsg) : 'unreadable answer';
  const error = new NotifyError(
    'notify.channel_rejected',
    `notify.channel_rejected.${robot}`,
    { errcode: errcode ?? '?', errmsg },
    errcode !== null && retryable.has(errcode),
  );
  return failed(error, status, shortDetail(body));
}
