import {
  type Channel,
  type ChannelOptions,
  checkPhones,
  failed,
  httpStatusFailure,
  type NotifyMessage,
  parseJson,
  type SendResult,
  shortDetail,
} from './channel';
import { configInvalid, NotifyError } from './errors';
import { sendOutgoing } from './outgoing-request';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A generic HTTP SMS gateway. `{{phone}}`, `{{text}}` and `{{title}}` are filled in: in the strings of the JSON body
 * template (as JSON strings, so a message cannot change the body's shape) and in the URL's query (URL-encoded; never
 * before the `?`, so a message cannot change where the request goes). One request per mobile number.
 */
export type SmsGatewaySettings = {
  url: string;
  /** POST by default; GET sends no body. */
  method?: 'POST' | 'PUT' | 'GET';
  /** Extra headers, such as the gateway's API key. */
  headers?: Record<string, string>;
  /** The JSON body template for POST and PUT. */
  body?: JsonValue;
  /** When set, the answer is JSON and `field` (a dotted path) must equal `equals`; otherwise any 2xx counts as sent. */
  success?: { field: string; equals: string | number | boolean };
  /** An intranet certificate authority (PEM) for an https gateway. */
  ca?: string;
};

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;
const NAMES = new Set(['phone', 'text', 'title']);
const HEADER_NAME = /^[A-Za-z0-9-]{1,64}$/;
const RESERVED_HEADERS = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'content-type']);

type Values = Record<'phone' | 'text' | 'title', string>;

const invalidTemplate = (reason: string) => configInvalid('notify.config_invalid.sms_template', { reason });

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

function stringsOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Checks a gateway's settings once, before any send: what the settings page reports as a field error. */
export function checkSmsSettings(settings: SmsGatewaySettings): void {
  const method = settings.method ?? 'POST';
  const queryStart = settings.url.indexOf('?');
  const beforeQuery = queryStart === -1 ? settings.url : settings.url.slice(0, queryStart);
  if (placeholdersIn(beforeQuery).length || beforeQuery.includes('{{')) throw invalidTemplate('placeholders may appear only in the query');
  if (method === 'GET' && settings.body !== undefined) throw invalidTemplate('GET sends no body');
  const used = [...placeholdersIn(settings.url), ...stringsOf(settings.body).flatMap(placeholdersIn)];
  const unknown = used.find((name) => !NAMES.has(name));
  if (unknown !== undefined) throw invalidTemplate(`unknown placeholder {{${unknown}}}`);
  if (!used.includes('phone')) throw invalidTemplate('{{phone}} is not used');
  for (const [name, value] of Object.entries(settings.headers ?? {})) {
    if (!HEADER_NAME.test(name) || RESERVED_HEADERS.has(name.toLowerCase()) || /[\r\n\0]/.test(value)) {
      throw configInvalid('notify.config_invalid.header', { name: name.slice(0, 64) });
    }
  }
}

const fill = (text: string, values: Values, encode: (value: string) => string) =>
  text.replace(PLACEHOLDER, (_, name: string) => encode(values[name as keyof Values] ?? ''));

function fillJson(value: JsonValue, values: Values): JsonValue {
  if (typeof value === 'string') return fill(value, values, (text) => text);
  if (Array.isArray(value)) return value.map((item) => fillJson(item, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillJson(item, values)]));
  return value;
}

/** The request for one mobile number. */
export function smsRequest(settings: SmsGatewaySettings, values: Values) {
  const method = settings.method ?? 'POST';
  const hasBody = method !== 'GET' && settings.body !== undefined;
  return {
    url: fill(settings.url, values, encodeURIComponent),
    method,
    headers: { ...settings.headers, ...(hasBody ? { 'content-type': 'application/json; charset=utf-8' } : {}) },
    body: hasBody && settings.body !== undefined ? JSON.stringify(fillJson(settings.body, values)) : undefined,
    ca: settings.ca,
  };
}

function fieldAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

/** An SMS channel over a generic HTTP gateway. */
export function smsChannel(settings: SmsGatewaySettings, options: ChannelOptions = {}): Channel {
  return {
    kind: 'sms',
    async send(message: NotifyMessage): Promise<SendResult> {
      try {
        checkSmsSettings(settings);
        const phones = message.phones ?? [];
        if (phones.length === 0) throw configInvalid('notify.config_invalid.no_recipient');
        checkPhones(phones);
        let last: SendResult = { ok: true, status: null, detail: '' };
        for (const phone of phones) {
          const request = smsRequest(settings, { phone, text: message.text, title: message.title });
          const host = URL.canParse(request.url) ? new URL(request.url).hostname : '';
          const response = await sendOutgoing(
            { ...request, timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes },
            options.policy,
          );
          if (response.status < 200 || response.status >= 300) return httpStatusFailure(host, response.status, response.body);
          if (settings.success) {
            const actual = fieldAt(parseJson(response.body), settings.success.field);
            if (actual === undefined || String(actual) !== String(settings.success.equals)) {
              const errmsg = shortDetail(response.body);
              return failed(new NotifyError('notify.channel_rejected', 'notify.channel_rejected.sms', { errmsg }), response.status, errmsg);
            }
          }
          last = { ok: true, status: response.status, detail: shortDetail(response.body) };
        }
        return last;
      } catch (error) {
        return failed(error);
      }
    },
  };
}
