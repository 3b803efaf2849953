import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotifyMessage, SendResult } from './channel';
import { plainMarkdown, truncateUtf8 } from './channel';
import { dingTalkChannel } from './dingtalk';
import { emailChannel } from './email';
import { createChannel } from './index';
import type { OutgoingPolicy } from './outgoing-target';
import { DEFAULT_RETRY_POLICY, retryDelay } from './retry';
import { smsChannel } from './sms';
import { decodeMimeWords, type FakeHttpServer, json, readMail, startFakeHttpServer, startSmtpSink } from './test-servers';
import { weComChannel } from './wecom';

// Every fake below listens on 127.0.0.1 and is reached only because the tests allow that host by name.
const local: OutgoingPolicy = { allowedHosts: ['127.0.0.1'] };

const redProject: NotifyMessage = {
  title: '红灯提醒：中央厨房产业园',
  text: '### 中央厨房产业园转为红灯\n- 原因：年度投资完成进度落后时间进度 32.4 个百分点\n- 责任单位：区发改局',
  phones: ['13800138000'],
  emails: ['leader@example.test'],
};

const failure = (result: SendResult) => {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
};

describe('DingTalk group robot', () => {
  const token = 'a1b2c3d4e5';
  const secret = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
  const accepted: { timestamp: number; body: Record<string, unknown> }[] = [];
  let robot: FakeHttpServer;
  let calls = 0;

  beforeAll(async () => {
    // A receiver that checks the request as DingTalk does, refuses the first well-signed call as "too fast" and
    // accepts the next one.
    robot = await startFakeHttpServer((request, res) => {
      const [path = '', query = ''] = request.path.split('?');
      const raw = new Map(query.split('&').map((pair) => pair.split('=') as [string, string]));
      if (path !== '/robot/send' || raw.get('access_token') !== token)
        return json(res, 200, { errcode: 300001, errmsg: 'token is not exist' });
      const timestamp = Number(raw.get('timestamp'));
      if (!Number.isInteger(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000) {
        return json(res, 200, { errcode: 310000, errmsg: 'invalid timestamp' });
      }
      const expected = encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
      if (raw.get('sign') !== expected) return json(res, 200, { errcode: 310000, errmsg: 'sign not match' });
      if (request.headers['content-type'] !== 'application/json; charset=utf-8')
        return json(res, 200, { errcode: 40035, errmsg: 'bad type' });
      calls += 1;
      if (calls === 1) return json(res, 200, { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' });
      accepted.push({ timestamp, body: JSON.parse(request.body) as Record<string, unknown> });
      json(res, 200, { errcode: 0, errmsg: 'ok' });
    });
  });

  afterAll(() => robot.close());

  it('signs each call, fails the first one, and the retry the schedule asks for goes through', async () => {
    const webhook = `${robot.url}/robot/send?access_token=${token}`;
    let clock = Date.now();
    const channel = dingTalkChannel({ webhook, secret }, { policy: local, now: () => clock });

    const first = failure(await channel.send(redProject));
    expect(first).toMatchObject({
      status: 200,
      code: 'notify.channel_rejected',
      messageKey: 'notify.channel_rejected.dingtalk',
      params: { errcode: 130101 },
      retryable: true,
    });

    // The delivery job would wait this long (pure schedule, pinned random); the test moves the clock instead.
    const delay = retryDelay(1, DEFAULT_RETRY_POLICY, () => 0.5);
    expect(delay).toBe(27_000);
    clock += delay ?? 0;

    const second = await channel.send(redProject);
    expect(second).toEqual({ ok: true, status: 200, detail: '{"errcode":0,"errmsg":"ok"}' });
    expect(calls).toBe(2);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.timestamp).toBe(clock);
    expect(accepted[0]?.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: redProject.title, text: `${redProject.text}\n\n@13800138000` },
      at: { atMobiles: ['13800138000'], isAtAll: false },
    });
  });

  it('a wrong secret is refused for good (no retry helps)', async () => {
    const channel = dingTalkChannel({ webhook: `${robot.url}/robot/send?access_token=${token}`, secret: 'SECwrong' }, { policy: local });
    expect(failure(await channel.send(redProject))).toMatchObject({
      params: { errcode: 310000, errmsg: 'sign not match' },
      retryable: false,
    });
  });

  it('a robot without 加签 gets neither timestamp nor sign', async () => {
    const open = await startFakeHttpServer((_, res) => json(res, 200, { errcode: 0, errmsg: 'ok' }));
    try {
      const result = await dingTalkChannel({ webhook: `${open.url}/robot/send?access_token=t` }, { policy: local }).send(redProject);
      expect(result.ok).toBe(true);
      expect(open.seen[0]?.path).toBe('/robot/send?access_token=t');
    } finally {
      await open.close();
    }
  });

  it('an HTTP error is a failure, worth retrying when it is the server’s', async () => {
    const down = await startFakeHttpServer((request, res) => {
      res.writeHead(request.path.startsWith('/busy') ? 503 : 404);
      res.end('<html>nginx</html>');
    });
    try {
      const busy = failure(await dingTalkChannel({ webhook: `${down.url}/busy?access_token=t` }, { policy: local }).send(redProject));
      expect(busy).toMatchObject({ status: 503, code: 'notify.http_status', retryable: true, detail: '<html>nginx</html>' });
      const missing = failure(await dingTalkChannel({ webhook: `${down.url}/gone?access_token=t` }, { policy: local }).send(redProject));
      expect(missing).toMatchObject({ status: 404, retryable: false });
    } finally {
      await down.close();
    }
  });

  it('refuses a webhook without access_token, or aimed at the machine itself, before sending anything', async () => {
    const noToken = failure(await dingTalkChannel({ webhook: `${robot.url}/robot/send` }, { policy: local }).send(redProject));
    expect(noToken).toMatchObject({ code: 'notify.config_invalid', messageKey: 'notify.config_invalid.dingtalk_token' });
    const before = calls;
    const inside = failure(await dingTalkChannel({ webhook: `${robot.url}/robot/send?access_token=${token}`, secret }).send(redProject));
    expect(inside).toMatchObject({ code: 'notify.url_not_allowed', messageKey: 'notify.url_not_allowed.loopback', retryable: false });
    expect(calls).toBe(before);
  });
});

describe('WeCom group robot', () => {
  let robot: FakeHttpServer;
  const key = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';

  beforeAll(async () => {
    robot = await startFakeHttpServer((request, res) => {
      const url = new URL(request.path, 'http://robot');
      if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== key) {
        return json(res, 200, { errcode: 93000, errmsg: 'invalid webhook url' });
      }
      const body = JSON.parse(request.body) as { msgtype?: string; markdown?: { content?: string } };
      if (body.msgtype !== 'markdown' || !body.markdown?.content) return json(res, 200, { errcode: 40008, errmsg: 'invalid message type' });
      json(res, 200, { errcode: 0, errmsg: 'ok' });
    });
  });

  afterAll(() => robot.close());

  it('sends markdown with the title as a heading', async () => {
    const channel = weComChannel({ key, endpoint: `${robot.url}/cgi-bin/webhook/send` }, { policy: local });
    expect(await channel.send(redProject)).toMatchObject({ ok: true, status: 200 });
    const body = JSON.parse(robot.seen.at(-1)?.body ?? '{}') as { markdown: { content: string } };
    expect(body.markdown.content).toBe(`## ${redProject.title}\n${redProject.text}`);
  });

  it('errcode ≠ 0 in an HTTP 200 answer is a failure', async () => {
    const channel = weComChannel(
      { key: 'ffffffff-0000-0000-0000-000000000000', endpoint: `${robot.url}/cgi-bin/webhook/send` },
      { policy: local },
    );
    expect(failure(await channel.send(redProject))).toMatchObject({
      status: 200,
      code: 'notify.channel_rejected',
      messageKey: 'notify.channel_rejected.wecom',
      params: { errcode: 93000, errmsg: 'invalid webhook url' },
      retryable: false,
    });
  });

  it('refuses a key that is not one, and keeps content within 4,096 bytes', async () => {
    const channel = weComChannel({ key: 'x&key=other', endpoint: `${robot.url}/cgi-bin/webhook/send` }, { policy: local });
    expect(failure(await channel.send(redProject)).messageKey).toBe('notify.config_invalid.wecom_key');
    const long = weComChannel({ key, endpoint: `${robot.url}/cgi-bin/webhook/send` }, { policy: local });
    expect((await long.send({ title: '长文', text: '进度'.repeat(3000) })).ok).toBe(true);
    const body = JSON.parse(robot.seen.at(-1)?.body ?? '{}') as { markdown: { content: string } };
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(4096);
    expect(body.markdown.content.endsWith('…')).toBe(true);
  });
});

describe('SMS over a generic HTTP gateway', () => {
  let gateway: FakeHttpServer;

  beforeAll(async () => {
    gateway = await startFakeHttpServer((request, res) => {
      if (request.headers['x-api-key'] !== 'k-123') return json(res, 401, { code: 'denied' });
      if (request.method === 'GET') return json(res, 200, { code: '0' });
      const body = JSON.parse(request.body) as { mobile?: string };
      json(res, 200, body.mobile === '13900000000' ? { code: 'E_BLACKLIST', msg: '号码在黑名单中' } : { code: '0', msg: 'ok' });
    });
  });

  afterAll(() => gateway.close());

  const settings = () => ({
    url: `${gateway.url}/sms/send`,
    headers: { 'x-api-key': 'k-123' },
    body: { mobile: '{{phone}}', content: '【蓝图】{{title}}：{{text}}', meta: ['{{phone}}', 1, true, null] },
    success: { field: 'code', equals: '0' },
  });

  it('fills the template as JSON, one request per number', async () => {
    const sneaky = { title: '提醒', text: '第一行\n"}, "mobile": "10086', phones: ['13800138000', '+8613700137000'] };
    const before = gateway.seen.length;
    expect(await smsChannel(settings(), { policy: local }).send(sneaky)).toMatchObject({ ok: true, status: 200 });
    const bodies = gateway.seen.slice(before).map((seen) => JSON.parse(seen.body) as Record<string, unknown>);
    expect(bodies).toEqual([
      { mobile: '13800138000', content: '【蓝图】提醒：第一行\n"}, "mobile": "10086', meta: ['13800138000', 1, true, null] },
      { mobile: '+8613700137000', content: '【蓝图】提醒：第一行\n"}, "mobile": "10086', meta: ['+8613700137000', 1, true, null] },
    ]);
  });

  it('fills a GET gateway’s query, URL-encoded', async () => {
    const get = { url: `${gateway.url}/sms?to={{phone}}&msg={{text}}`, method: 'GET' as const, headers: { 'x-api-key': 'k-123' } };
    expect((await smsChannel(get, { policy: local }).send({ title: 't', text: '开工 & 竣工', phones: ['13800138000'] })).ok).toBe(true);
    expect(gateway.seen.at(-1)?.path).toBe(`/sms?to=13800138000&msg=${encodeURIComponent('开工 & 竣工')}`);
  });

  it('a gateway that answers 200 but says no is a failure', async () => {
    const result = failure(await smsChannel(settings(), { policy: local }).send({ ...redProject, phones: ['13900000000'] }));
    expect(result).toMatchObject({ code: 'notify.channel_rejected', messageKey: 'notify.channel_rejected.sms', retryable: false });
    expect(result.detail).toContain('E_BLACKLIST');
  });

  it('refuses bad numbers and templates that could change where the request goes', async () => {
    const channel = smsChannel(settings(), { policy: local });
    expect(failure(await channel.send({ ...redProject, phones: ['138 0013 8000'] })).messageKey).toBe('notify.config_invalid.phone');
    expect(failure(await channel.send({ ...redProject, phones: [] })).messageKey).toBe('notify.config_invalid.no_recipient');
    const inHost = smsChannel({ url: 'http://{{text}}.example.test/send?to={{phone}}', method: 'GET' }, { policy: local });
    expect(failure(await inHost.send(redProject)).params.reason).toBe('placeholders may appear only in the query');
    const unknown = smsChannel({ url: `${gateway.url}/s`, body: { to: '{{phone}}', x: '{{password}}' } }, { policy: local });
    expect(failure(await unknown.send(redProject)).params.reason).toBe('unknown placeholder {{password}}');
    const header = smsChannel({ ...settings(), headers: { Host: 'evil.example.test' } }, { policy: local });
    expect(failure(await header.send(redProject)).messageKey).toBe('notify.config_invalid.header');
  });
});

describe('mail over SMTP', () => {
  it('delivers a mail with a Chinese subject to a local SMTP sink', async () => {
    const sink = await startSmtpSink();
    try {
      const channel = emailChannel(
        { host: '127.0.0.1', port: sink.port, security: 'none', from: '"蓝图 重点项目平台" <lantu@example.test>' },
        { policy: local, timeoutMs: 5000 },
      );
      const result = await channel.send(redProject);
      expect(result).toMatchObject({ ok: true, status: 250 });
      expect(sink.mails).toHaveLength(1);
      const mail = sink.mails[0];
      expect(mail?.from).toBe('lantu@example.test');
      expect(mail?.to).toEqual(['leader@example.test']);
      const { headers, body } = readMail(mail?.data ?? '');
      expect(decodeMimeWords(headers.get('subject') ?? '')).toBe('红灯提醒：中央厨房产业园');
      expect(decodeMimeWords(headers.get('from') ?? '')).toContain('蓝图 重点项目平台');
      expect(body.trim()).toBe(redProject.text);
    } finally {
      await sink.close();
    }
  });

  it('a refused recipient is a failure; 4xx may pass, 5xx will not', async () => {
    for (const [reply, retryable] of [
      ['550 5.1.1 No such user', false],
      ['451 4.3.0 Try again later', true],
    ] as const) {
      const sink = await startSmtpSink({ rcptReply: reply });
      try {
        const channel = emailChannel(
          { host: '127.0.0.1', port: sink.port, security: 'none', from: 'lantu@example.test' },
          { policy: local },
        );
        const result = failure(await channel.send(redProject));
        expect(result).toMatchObject({ code: 'notify.smtp_failed', retryable });
        expect(result.detail).toContain(reply.slice(0, 3));
        expect(sink.mails).toHaveLength(0);
      } finally {
        await sink.close();
      }
    }
  });

  it('refuses a mail server on this machine unless allowed, and a password over a plain connection', async () => {
    const sink = await startSmtpSink();
    try {
      const inside = failure(
        await emailChannel({ host: 'localhost', port: sink.port, security: 'none', from: 'lantu@example.test' }).send(redProject),
      );
      expect(inside).toMatchObject({ code: 'notify.url_not_allowed', messageKey: 'notify.url_not_allowed.loopback' });
      const plain = emailChannel(
        { host: '127.0.0.1', port: sink.port, security: 'none', user: 'lantu', password: 'secret', from: 'lantu@example.test' },
        { policy: local },
      );
      expect(failure(await plain.send(redProject)).messageKey).toBe('notify.config_invalid.smtp_auth_needs_tls');
      const noOne = emailChannel({ host: '127.0.0.1', port: sink.port, security: 'none', from: 'lantu@example.test' }, { policy: local });
      expect(failure(await noOne.send({ ...redProject, emails: ['not-an-address'] })).messageKey).toBe('notify.config_invalid.email');
      expect(sink.mails).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });
});

describe('one interface', () => {
  it('builds each channel from its settings', () => {
    expect(createChannel({ kind: 'dingtalk', webhook: 'https://oapi.dingtalk.com/robot/send?access_token=t' }).kind).toBe('dingtalk');
    expect(createChannel({ kind: 'wecom', key: '693a91f6-7xxx' }).kind).toBe('wecom');
    expect(createChannel({ kind: 'sms', url: 'https://sms.example.test/send', body: { to: '{{phone}}' } }).kind).toBe('sms');
    expect(createChannel({ kind: 'email', host: 'smtp.example.test', security: 'tls', from: 'a@example.test' }).kind).toBe('email');
  });

  it('keeps user text from turning into links, and cuts text on a character boundary', () => {
    expect(plainMarkdown('[点击](http://evil.test) <img src=x>')).toBe('［点击］(http://evil.test) ＜img src=x＞');
    const cut = truncateUtf8('红灯'.repeat(10), 10);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(10);
    expect(cut).toBe('红灯…');
  });
});
