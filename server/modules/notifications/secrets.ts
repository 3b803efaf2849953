import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { ChannelSettingsBody } from '../../../common/schemas/notifications';

/**
 * A channel's settings (webhook tokens, signing secrets, SMTP passwords, gateway keys) encrypted as the TOTP secrets
 * are (server/lib/totp.ts): AES-256-GCM under a key derived by HKDF-SHA256 from the server secret for this purpose
 * only, the channel's id as authenticated data (settings copied into another row do not decrypt). Stored as
 * `v1.<iv>.<ciphertext>.<tag>` (base64url).
 */
const key = (serverSecret: string) => Buffer.from(hkdfSync('sha256', serverSecret, 'lantu', 'lantu notification-channel v1', 32));

export function encryptSettings(serverSecret: string, channelId: string, settings: ChannelSettingsBody): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(serverSecret), iv);
  cipher.setAAD(Buffer.from(channelId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(settings), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The settings encryptSettings stored; throws when the server secret changed or the value was tampered with. */
export function decryptSettings(serverSecret: string, channelId: string, stored: string): ChannelSettingsBody {
  const [version, iv, ciphertext, tag] = stored.split('.');
  if (version !== 'v1' || !iv || !ciphertext || !tag) throw new Error('unknown channel settings format');
  const decipher = createDecipheriv('aes-256-gcm', key(serverSecret), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(channelId));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as ChannelSettingsBody;
}

const maskTail = (value: string) => (value.length <= 4 ? '****' : `****${value.slice(-4)}`);
const maskEmail = (value: string) => {
  const [name = '', domain = ''] = value.split('@');
  return `${name.slice(0, 1)}***@${domain}`;
};
const maskPhone = (value: string) => (value.length > 7 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****');
const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).host : '?');

/** What the API shows of a channel's settings: where it goes, with every key, token, address and number masked. */
export function maskedTarget(settings: ChannelSettingsBody): string {
  switch (settings.kind) {
    case 'dingtalk': {
      const token = URL.canParse(settings.webhook) ? (new URL(settings.webhook).searchParams.get('access_token') ?? '') : '';
      return `${hostOf(settings.webhook)} · access_token ${maskTail(token)}${settings.secret ? ' · 加签 SEC****' : ''}`;
    }
    case 'wecom':
      return `${settings.endpoint ? hostOf(settings.endpoint) : 'qyapi.weixin.qq.com'} · key ${maskTail(settings.key)}`;
    case 'email':
      return `${settings.host} → ${settings.to.map(maskEmail).join(', ')}`;
    case 'sms':
      return `${hostOf(settings.url)} → ${settings.phones.map(maskPhone).join(', ')}`;
  }
}
