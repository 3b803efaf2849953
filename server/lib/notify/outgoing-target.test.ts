import { describe, expect, it } from 'vitest';
import { NotifyError } from './errors';
import { type NotifyMessageKey, notifyEn, notifyZh, renderNotifyMessage } from './messages';
import { checkOutgoingHost, checkOutgoingUrl, type OutgoingPolicy, pinnedLookup, type Resolve } from './outgoing-target';

/** A resolver that knows a few names, as a DNS server would answer them. */
const fakeDns =
  (table: Record<string, string[]>): Resolve =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = fakeDns({
  'oapi.dingtalk.com': ['106.11.35.100'],
  'sms.intranet.test': ['10.20.30.40'],
  'split.example.test': ['93.184.216.34', '10.0.0.5'],
  'mapped.example.test': ['::ffff:192.168.1.20'],
  'metadata.example.test': ['169.254.169.254'],
});

async function refusal(url: string, policy: OutgoingPolicy = { resolve: dns }): Promise<NotifyError> {
  const error = await checkOutgoingUrl(url, policy).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof NotifyError)) throw new Error(`expected ${url} to be refused, got ${String(error)}`);
  return error;
}

describe('checkOutgoingUrl refuses', () => {
  it.each([
    ['http://127.0.0.1/', 'notify.url_not_allowed.loopback', '127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data', 'notify.url_not_allowed.link_local', '169.254.169.254'],
    ['http://[::1]/', 'notify.url_not_allowed.loopback', '::1'],
    ['http://[::ffff:127.0.0.1]:8080/hook', 'notify.url_not_allowed.loopback', '::ffff:7f00:1'],
    ['http://2130706433/', 'notify.url_not_allowed.loopback', '127.0.0.1'],
    ['http://0x7f.1/', 'notify.url_not_allowed.loopback', '127.0.0.1'],
    ['http://0.0.0.0:3000/', 'notify.url_not_allowed.unspecified', '0.0.0.0'],
    ['http://100.64.3.4/', 'notify.url_not_allowed.shared', '100.64.3.4'],
    ['http://[fe80::1]/', 'notify.url_not_allowed.link_local', 'fe80::1'],
    ['http://[fd00::8]/', 'notify.url_not_allowed.private', 'fd00::8'],
    ['http://224.0.0.251/', 'notify.url_not_allowed.multicast', '224.0.0.251'],
    ['https://sms.intranet.test/send', 'notify.url_not_allowed.private', '10.20.30.40'],
    ['https://split.example.test/send', 'notify.url_not_allowed.private', '10.0.0.5'],
    ['https://mapped.example.test/send', 'notify.url_not_allowed.private', '::ffff:192.168.1.20'],
    ['https://metadata.example.test/', 'notify.url_not_allowed.link_local', '169.254.169.254'],
  ])('%s (%s)', async (url, messageKey, address) => {
    const error = await refusal(url);
    expect(error.code).toBe('notify.url_not_allowed');
    expect(error.messageKey).toBe(messageKey);
    expect(error.params.address).toBe(address);
    expect(error.retryable).toBe(false);
  });

  it('http://localhost, resolved by the system', async () => {
    const error = await refusal('http://localhost:8080/', {});
    expect(error.messageKey).toBe('notify.url_not_allowed.loopback');
    expect(error.params.host).toBe('localhost');
  });

  it.each([
    ['ftp://files.example.test/robot', 'ftp:'],
    ['file:///etc/passwd', 'file:'],
    ['gopher://example.test/', 'gopher:'],
    ['javascript:alert(1)', 'javascript:'],
  ])('%s: not http(s)', async (url, scheme) => {
    const error = await refusal(url);
    expect(error.code).toBe('notify.url_scheme');
    expect(error.params.scheme).toBe(scheme);
  });

  it.each([
    'https://admin:secret@oapi.dingtalk.com/robot/send',
    'https://admin@oapi.dingtalk.com/robot/send',
    'https://:pw@oapi.dingtalk.com/',
  ])('%s: credentials in the URL', async (url) => {
    expect((await refusal(url)).code).toBe('notify.url_credentials');
  });

  it('what is not a URL, or too long', async () => {
    expect((await refusal('oapi.dingtalk.com/robot/send')).code).toBe('notify.url_invalid');
    expect((await refusal(`https://oapi.dingtalk.com/${'a'.repeat(3000)}`)).code).toBe('notify.url_invalid');
  });

  it('a host that does not resolve', async () => {
    const error = await refusal('https://nowhere.example.test/');
    expect(error.code).toBe('notify.dns_failed');
    expect(error.params.host).toBe('nowhere.example.test');
    expect(error.retryable).toBe(false);
  });

  it("the server's own address, even a public one", async () => {
    const error = await refusal('http://106.11.35.100/', { ownAddresses: () => ['106.11.35.100'] });
    expect(error.messageKey).toBe('notify.url_not_allowed.own_address');
    const byName = await refusal('https://oapi.dingtalk.com/', { resolve: dns, ownAddresses: () => ['::ffff:106.11.35.100'] });
    expect(byName.messageKey).toBe('notify.url_not_allowed.own_address');
  });
});

describe('checkOutgoingUrl allows', () => {
  it('a public host, with the addresses it checked', async () => {
    const checked = await checkOutgoingUrl('https://oapi.dingtalk.com/robot/send?access_token=t', { resolve: dns });
    expect(checked.hostname).toBe('oapi.dingtalk.com');
    expect(checked.port).toBe(443);
    expect(checked.addresses).toEqual([{ address: '106.11.35.100', family: 4 }]);
    expect(checked.allowlisted).toBe(false);
  });

  it('an intranet host the administrator named, and only that host', async () => {
    const policy = { resolve: dns, allowedHosts: ['SMS.Intranet.test.'] };
    const checked = await checkOutgoingUrl('http://sms.intranet.test:8080/send', policy);
    expect(checked.addresses).toEqual([{ address: '10.20.30.40', family: 4 }]);
    expect(checked.port).toBe(8080);
    expect((await refusal('http://split.example.test/', policy)).messageKey).toBe('notify.url_not_allowed.private');
  });

  it('an allowlisted IP literal, in any spelling', async () => {
    expect((await checkOutgoingUrl('http://127.0.0.1:9/', { allowedHosts: ['127.0.0.1'] })).allowlisted).toBe(true);
    expect((await checkOutgoingUrl('http://[::1]:9/', { allowedHosts: ['[::1]'] })).allowlisted).toBe(true);
    expect((await checkOutgoingUrl('http://[::ffff:7f00:1]:9/', { allowedHosts: ['::ffff:127.0.0.1'] })).allowlisted).toBe(true);
  });

  it('never the cloud metadata address, the unspecified address or multicast, allowlisted or not', async () => {
    const policy = { resolve: dns, allowedHosts: ['169.254.169.254', 'metadata.example.test', '0.0.0.0', '224.0.0.251'] };
    expect((await refusal('http://169.254.169.254/latest/meta-data', policy)).messageKey).toBe('notify.url_not_allowed.link_local');
    expect((await refusal('http://metadata.example.test/', policy)).messageKey).toBe('notify.url_not_allowed.link_local');
    expect((await refusal('http://0.0.0.0/', policy)).messageKey).toBe('notify.url_not_allowed.unspecified');
    expect((await refusal('http://224.0.0.251/', policy)).messageKey).toBe('notify.url_not_allowed.multicast');
  });
});

describe('checkOutgoingHost (mail servers)', () => {
  it('checks a bare host name like a URL host', async () => {
    await expect(checkOutgoingHost('sms.intranet.test', { resolve: dns })).rejects.toMatchObject({
      messageKey: 'notify.url_not_allowed.private',
    });
    await expect(checkOutgoingHost('smtp.example.test/evil', { resolve: dns })).rejects.toMatchObject({ code: 'notify.config_invalid' });
    const checked = await checkOutgoingHost('sms.intranet.test', { resolve: dns, allowedHosts: ['sms.intranet.test'] });
    expect(checked.addresses[0]?.address).toBe('10.20.30.40');
  });
});

describe('pinnedLookup', () => {
  it('answers the checked addresses whatever name it is asked about', async () => {
    const lookup = pinnedLookup([
      { address: '10.20.30.40', family: 4 },
      { address: 'fd00::1', family: 6 },
    ]);
    const one = await new Promise<unknown[]>((resolve) => lookup('evil.example.test', {}, (...args) => resolve(args)));
    expect(one).toEqual([null, '10.20.30.40', 4]);
    const all = await new Promise<unknown[]>((resolve) => lookup('evil.example.test', { all: true }, (...args) => resolve(args)));
    expect(all).toEqual([
      null,
      [
        { address: '10.20.30.40', family: 4 },
        { address: 'fd00::1', family: 6 },
      ],
    ]);
  });
});

describe('the refusals, as an administrator reads them', () => {
  it('has every message in both languages, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(notifyZh) as NotifyMessageKey[]) {
      expect(notifyEn[key], key).toBeTruthy();
      expect(placeholders(notifyEn[key]), key).toEqual(placeholders(notifyZh[key]));
    }
  });

  it('names the host and the address, and what the administrator can do', async () => {
    const error = await refusal('https://sms.intranet.test/send');
    const zh = renderNotifyMessage('zh-CN', error.messageKey, error.params);
    const en = renderNotifyMessage('en-US', error.messageKey, error.params);
    expect(zh).toBe(
      'sms.intranet.test 指向内网地址 10.20.30.40，不能作为发送地址。如确为单位内网的服务，请管理员将 sms.intranet.test 加入“允许的内网主机”',
    );
    expect(en).toContain('an administrator can add sms.intranet.test to the allowed intranet hosts');
    const metadata = await refusal('http://169.254.169.254/latest/meta-data');
    expect(renderNotifyMessage('zh-CN', metadata.messageKey, metadata.params)).toContain('任何情况下都不允许发送');
  });
});
