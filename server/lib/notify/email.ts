import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import { type Channel, type ChannelOptions, failed, type NotifyMessage, type SendResult, shortDetail } from './channel';
import { configInvalid, NotifyError } from './errors';
import { DEFAULT_TIMEOUT_MS } from './outgoing-request';
import { checkOutgoingHost } from './outgoing-target';

/**
 * A mail server. `security`: `tls` is TLS from the first byte (port 465), `starttls` requires the STARTTLS upgrade
 * (port 587), `none` is plain SMTP (port 25, an intranet relay without sign-in). Certificates are always verified;
 * `ca` adds an intranet certificate authority (PEM) instead of turning verification off.
 */
export type EmailSettings = {
  host: string;
  port?: number;
  security: 'tls' | 'starttls' | 'none';
  user?: string;
  password?: string;
  /** The sender, e.g. `"蓝图 重点项目平台" <lantu@example.gov.cn>`. */
  from: string;
  ca?: string;
};

const DEFAULT_PORTS = { tls: 465, starttls: 587, none: 25 } as const;
// A light check (something@something.something, no spaces or angle brackets): the server has the last word.
const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
// Errors of the connection rather than of the message: trying again later may work.
const RETRYABLE_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

/** Checks a mail server's settings once, before any send. */
export function checkEmailSettings(settings: EmailSettings): void {
  const port = settings.port ?? DEFAULT_PORTS[settings.security];
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw configInvalid('notify.config_invalid.port', { port: String(port) });
  if (settings.user && settings.security === 'none') throw configInvalid('notify.config_invalid.smtp_auth_needs_tls');
}

function smtpFailure(host: string, error: unknown): SendResult {
  const { code, responseCode, response } = error as { code?: unknown; responseCode?: unknown; response?: unknown };
  const reason = shortDetail(typeof response === 'string' ? response : typeof code === 'string' ? code : String(error));
  // 4xx is the server's "try later"; 5xx and sign-in or TLS failures need someone to fix something
  const retryable = typeof responseCode === 'number' ? responseCode >= 400 && responseCode < 500 : RETRYABLE_CODES.has(String(code));
  return failed(
    new NotifyError('notify.smtp_failed', 'notify.smtp_failed', { host, reason }, retryable, { cause: error }),
    typeof responseCode === 'number' ? responseCode : null,
    reason,
  );
}

/**
 * A mail channel over SMTP (nodemailer): the mail server's name is resolved and checked like any outgoing URL, and
 * the connection goes to the checked address while TLS verifies the certificate against the name.
 */
export function emailChannel(settings: EmailSettings, options: ChannelOptions = {}): Channel {
  return {
    kind: 'email',
    async send(message: NotifyMessage): Promise<SendResult> {
      let host = settings.host;
      try {
        checkEmailSettings(settings);
        const to = message.emails ?? [];
        if (to.length === 0) throw configInvalid('notify.config_invalid.no_recipient');
        for (const email of to) if (!EMAIL.test(email)) throw configInvalid('notify.config_invalid.email', { email: email.slice(0, 100) });
        const checked = await checkOutgoingHost(settings.host, options.policy);
        host = checked.hostname;
        const address = checked.addresses[0]?.address ?? '';
        const servername = isIP(checked.hostname) ? undefined : checked.hostname;
        const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const transport = nodemailer.createTransport({
          host: address,
          port: settings.port ?? DEFAULT_PORTS[settings.security],
          secure: settings.security === 'tls',
          requireTLS: settings.security === 'starttls',
          ignoreTLS: settings.security === 'none',
          servername,
          tls: { servername, ca: settings.ca, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
          auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
          // the message is ours: never let it pull in a file or a URL
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        try {
          const info = await transport.sendMail({
            from: settings.from,
            to: [...to],
            subject: message.title.replace(/[\r\n]+/g, ' '),
            text: message.text,
          });
          if (info.accepted.length === 0) return smtpFailure(host, { response: info.response || 'no recipient accepted' });
          const rejected = info.rejected.length ? ` (rejected: ${info.rejected.join(', ')})` : '';
          const status = Number.parseInt(info.response, 10);
          return { ok: true, status: Number.isNaN(status) ? null : status, detail: shortDetail(`${info.response}${rejected}`) };
        } finally {
          transport.close();
        }
      } catch (error) {
        if (error instanceof NotifyError) return failed(error);
        return smtpFailure(host, error);
      }
    },
  };
}
