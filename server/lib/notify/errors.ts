import type { NotifyMessageKey } from './messages';

/** Stable codes of the library's refusals and failures: what callers and the delivery log match on. */
export type NotifyErrorCode =
  | 'notify.url_invalid'
  | 'notify.url_scheme'
  | 'notify.url_credentials'
  | 'notify.url_not_allowed'
  | 'notify.dns_failed'
  | 'notify.timeout'
  | 'notify.connection_failed'
  | 'notify.redirect_refused'
  | 'notify.response_too_large'
  | 'notify.http_status'
  | 'notify.channel_rejected'
  | 'notify.smtp_failed'
  | 'notify.config_invalid';

export type NotifyParams = Record<string, string | number>;

/**
 * A refusal or failure of an outgoing notification: a stable code, the message (key and parameters, rendered in the
 * administrator's language by `renderNotifyMessage` or, once merged, `translate`), and whether trying again later
 * may help (a timeout may; a refused address or a wrong signature will not).
 */
export class NotifyError extends Error {
  constructor(
    readonly code: NotifyErrorCode,
    readonly messageKey: NotifyMessageKey,
    readonly params: NotifyParams = {},
    readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(`${messageKey} ${JSON.stringify(params)}`, options);
    this.name = 'NotifyError';
  }
}

export const configInvalid = (key: NotifyMessageKey & `notify.config_invalid.${string}`, params: NotifyParams = {}) =>
  new NotifyError('notify.config_invalid', key, params);
