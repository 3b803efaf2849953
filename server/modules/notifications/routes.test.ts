import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../common/domain/dates';
import { users } from '../../db/schema';
import { notificationChannels, notificationDeliveries, notifications, reportReminders } from '../../db/schema/notifications';
import { type FakeHttpServer, json, readMail, startFakeHttpServer, startSmtpSink } from '../../lib/notify/test-servers';
import { insertPeriod, insertProject, insertReport, insertUnit, insertUser, unitIdByName, userIdOf } from '../../test/factories';
import {
  type Client,
  OTHER_REGION,
  TEST_SESSION_SECRET,
  anonymous,
  describeEachDatabase,
  errorOf,
  lastAuditEvent,
  signInAs,
} from '../../test/harness';
import { deliverDue, notify, sendReportReminders } from './index';

const TOKEN = 'robot0token';
const SECRET = 'SEC7f3a9c0d1e2b4a5968778695a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6';

describeEachDatabase('notifications', (t) => {
  let admin: Client;
  let office: Client;
  let unit: Client;
  let otherAdmin: Client;
  let beiyuan: string;
  let robot: FakeHttpServer;
  const robotAccepted: { text: string }[] = [];
  const unitChannels = (unitId: string) => `/api/v1/units/${unitId}/notification-channels`;

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
    // A DingTalk robot on 127.0.0.1 that checks the 加签 signature as DingTalk does, refuses the first well-signed
    // message of each path as "too fast" (a retryable errcode) and accepts the next.
    const firstSeen = new Set<string>();
    robot = await startFakeHttpServer((request, res) => {
      const [path = '', query = ''] = request.path.split('?');
      const raw = new Map(query.split('&').map((pair) => pair.split('=') as [string, string]));
      if (path === '/down') return json(res, 503, { error: 'down' });
      if (raw.get('access_token') !== TOKEN) return json(res, 200, { errcode: 300001, errmsg: 'token is not exist' });
      const timestamp = Number(raw.get('timestamp'));
      const expected = encodeURIComponent(createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64'));
      if (raw.get('sign') !== expected || Math.abs(Date.now() - timestamp) > 3_600_000) {
        return json(res, 200, { errcode: 310000, errmsg: 'sign not match' });
      }
      if (path === '/flaky' && !firstSeen.has(path)) {
        firstSeen.add(path);
        return json(res, 200, { errcode: 130101, errmsg: 'send too fast' });
      }
      robotAccepted.push({ text: (JSON.parse(request.body) as { markdown: { text: string } }).markdown.text });
      json(res, 200, { errcode: 0, errmsg: 'ok' });
    });
  });

  afterAll(() => robot.close());

  const dingtalk = (path: string, extra: Record<string, unknown> = {}) => ({
    label: '北园街道工作群',
    enabled: true,
    settings: { kind: 'dingtalk', webhook: `${robot.url}${path}?access_token=${TOKEN}`, secret: SECRET, ...extra },
  });
  /** The fakes listen on 127.0.0.1: the administrator allows that host by name, as he would an intranet gateway. */
  const allowLocalhost = async () => {
    const allowed = await admin.request('PUT', '/api/v1/notification-settings/allowed-hosts', { hosts: ['127.0.0.1'] });
    expect(allowed.statusCode).toBe(200);
  };

  it('the inbox: a notification in the reader’s language, unread count, mark read, mark all read; only one’s own', async () => {
    const { database } = t();
    const unitUserId = await userIdOf(database, 'unit');
    const officeId = await userIdOf(database, 'office');
    await database.db.transaction((tx) =>
      notify(tx, {
        recipients: { userIds: [unitUserId, officeId] },
        kind: 'report_reminder',
        messageKey: 'notification.report.remind',
        params: { period: '2001-01', deadline: '2001-01-25', unit: '北园街道办事处', count: 3 },
        link: '/reports/periods/x',
      }),
    );
    const inbox = await unit.get('/api/v1/notifications?unread=true');
    expect(inbox.statusCode).toBe(200);
    const body = inbox.json();
    expect(body.unread).toBeGreaterThanOrEqual(1);
    const [first] = body.items;
    expect(first).toMatchObject({
      kind: 'report_reminder',
      title: '报送提醒',
      text: '项目办提醒：2001-01 工作台账截止日期 2001-01-25，北园街道办事处还有 3 份项目报告未报送，请尽快报送',
      link: '/reports/periods/x',
      readAt: null,
    });
    // A reader who reads English gets the same notification in English.
    await database.db.update(users).set({ locale: 'en-US' }).where(eq(users.id, unitUserId));
    const english = (await unit.get('/api/v1/notifications?unread=true')).json().items[0];
    await database.db.update(users).set({ locale: 'zh-CN' }).where(eq(users.id, unitUserId));
    expect(english).toMatchObject({ id: first.id, title: 'Report reminder' });
    expect(english.text).toContain('the 2001-01 ledger is due on 2001-01-25; 北园街道办事处 still owes 3 project reports');

    // Another person's notification is not found; one's own is marked read once.
    expect((await office.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await unit.post(`/api/v1/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    const count = (await unit.get('/api/v1/notifications/unread-count')).json().unread;
    expect(count).toBe(body.unread - 1);
    const all = await unit.post('/api/v1/notifications/read-all');
    expect(all.json()).toEqual({ marked: count });
    expect((await unit.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
    // The office's copy is untouched.
    expect((await office.get('/api/v1/notifications/unread-count')).json().unread).toBeGreaterThanOrEqual(1);
    expect((await anonymous(t().app).get('/api/v1/notifications')).statusCode).toBe(401);
  });

  it('refuses at save a webhook that is not http(s) or resolves to loopback or link-local, naming the field; an allowed intranet host passes', async () => {
    const cases: [string, string][] = [
      ['ftp://oapi.dingtalk.com/robot/send?access_token=x', 'ftp:'],
      [`${robot.url}/ok?access_token=${TOKEN}`, '127.0.0.1'],
      [`http://localhost:${robot.port}/ok?access_token=${TOKEN}`, 'localhost'],
      ['http://169.254.169.254/latest/meta-data?access_token=x', '169.254.169.254'],
    ];
    const channelsOfBeiyuan = async () =>
      (await t().database.db.select().from(notificationChannels).where(eq(notificationChannels.unitId, beiyuan))).length;
    const before = await channelsOfBeiyuan();
    await admin.request('PUT', '/api/v1/notification-settings/allowed-hosts', { hosts: [] });
    for (const [webhook, shown] of cases) {
      const refused = await office.post(unitChannels(beiyuan), { label: '群', settings: { kind: 'dingtalk', webhook } });
      expect(refused.statusCode, webhook).toBe(400);
      const error = errorOf(refused);
      expect(error.details?.[0]?.path).toBe('settings.webhook');
      expect(error.details?.[0]?.message).toContain(shown);
    }
    const metadataRefused = await office.post(unitChannels(beiyuan), {
      label: '群',
      settings: { kind: 'dingtalk', webhook: 'http://169.254.169.254/x?access_token=x' },
    });
    expect(errorOf(metadataRefused).details?.[0]?.message).toContain('链路本地地址');

    await allowLocalhost();
    // Allowed by name: 127.0.0.1 passes; the metadata address never does.
    expect((await office.post(unitChannels(beiyuan), dingtalk('/ok'))).statusCode).toBe(201);
    await admin.request('PUT', '/api/v1/notification-settings/allowed-hosts', { hosts: ['127.0.0.1', '169.254.169.254'] });
    const metadata = await office.post(unitChannels(beiyuan), {
      label: '群',
      settings: { kind: 'dingtalk', webhook: 'http://169.254.169.254/x?access_token=x' },
    });
    expect(metadata.statusCode).toBe(400);
    await allowLocalhost();
    // Nothing refused was saved: only the allowed one.
    expect(await channelsOfBeiyuan()).toBe(before + 1);
  });

  it('a unit’s channels: managed by the office in scope, never shown with their secrets; the unit’s staff are refused', async () => {
    await allowLocalhost();
    const created = await office.post(unitChannels(beiyuan), dingtalk('/ok'));
    expect(created.statusCode).toBe(201);
    const channel = created.json();
    expect(created.body).not.toContain(SECRET);
    expect(created.body).not.toContain(TOKEN);
    expect(channel).toMatchObject({ kind: 'dingtalk', enabled: true, unitId: beiyuan, version: 1 });
    expect(channel.target).toContain('****');
    const listed = await office.get(unitChannels(beiyuan));
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(SECRET);
    expect(listed.body).not.toContain(TOKEN);
    const [stored] = await t().database.db.select().from(notificationChannels).where(eq(notificationChannels.id, channel.id));
    expect(stored?.settingsEncrypted).not.toContain(SECRET);
    const audit = await lastAuditEvent(t().database, 'notification_channels.create', channel.id);
    expect(JSON.stringify(audit?.after)).not.toContain(SECRET);

    // The unit's staff do not manage the unit's channels; another district's administrator does not see the unit.
    expect((await unit.get(unitChannels(beiyuan))).statusCode).toBe(403);
    expect((await unit.post(unitChannels(beiyuan), dingtalk('/ok'))).statusCode).toBe(403);
    expect((await otherAdmin.get(unitChannels(beiyuan))).statusCode).toBe(404);

    const off = await office.patch(`${unitChannels(beiyuan)}/${channel.id}`, { version: 1, enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ enabled: false, version: 2 });
    expect((await office.patch(`${unitChannels(beiyuan)}/${channel.id}`, { version: 1, enabled: true })).statusCode).toBe(409);
    const otherKind = await office.patch(`${unitChannels(beiyuan)}/${channel.id}`, {
      version: 2,
      settings: { kind: 'wecom', key: 'abcdefgh-1234' },
    });
    expect(errorOf(otherKind).details?.[0]?.path).toBe('settings.kind');
    expect((await office.delete(`${unitChannels(beiyuan)}/${channel.id}`)).statusCode).toBe(200);
    expect((await office.delete(`${unitChannels(beiyuan)}/${channel.id}`)).statusCode).toBe(404);
  });

  it('send test: a real, signed delivery now, its outcome answered and logged; a refusal explained', async () => {
    await allowLocalhost();
    const channel = (await office.post(unitChannels(beiyuan), { ...dingtalk('/ok'), enabled: false })).json();
    const before = robotAccepted.length;
    const tested = await office.post(`${unitChannels(beiyuan)}/${channel.id}/test`);
    expect(tested.statusCode).toBe(200);
    expect(tested.json()).toMatchObject({ ok: true, status: 200 });
    expect(robotAccepted.length).toBe(before + 1);
    expect(robotAccepted.at(-1)?.text).toContain('北园街道工作群');

    const wrong = (
      await office.post(unitChannels(beiyuan), {
        label: '错误的群',
        settings: { kind: 'dingtalk', webhook: `${robot.url}/ok?access_token=nope` },
      })
    ).json();
    const failed = await office.post(`${unitChannels(beiyuan)}/${wrong.id}/test`);
    expect(failed.json()).toMatchObject({ ok: false });
    expect(failed.json().message).toContain('300001');

    const log = await admin.get('/api/v1/notification-deliveries?pageSize=5');
    expect(log.statusCode).toBe(200);
    expect(log.json().items[0]).toMatchObject({ channelId: wrong.id, kind: 'channel_test', status: 'failed', attempts: 1 });
    expect(log.json().items[1]).toMatchObject({ channelId: channel.id, status: 'sent' });
    expect((await unit.get('/api/v1/notification-deliveries')).statusCode).toBe(403);
  });

  it('one’s own channel: mail through the SMTP sink', async () => {
    await allowLocalhost();
    const sink = await startSmtpSink();
    try {
      const created = await unit.post('/api/v1/notifications/channels', {
        label: '我的邮箱',
        enabled: true,
        settings: {
          kind: 'email',
          host: '127.0.0.1',
          port: sink.port,
          security: 'none',
          from: 'lantu@example.test',
          to: ['zhangwei@example.test'],
        },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().target).toBe('127.0.0.1 → z***@example.test');
      const id = created.json().id;
      expect((await office.post(`/api/v1/notifications/channels/${id}/test`)).statusCode).toBe(404);
      const tested = await unit.post(`/api/v1/notifications/channels/${id}/test`);
      expect(tested.json()).toMatchObject({ ok: true });
      expect(sink.mails).toHaveLength(1);
      expect(sink.mails[0]?.to).toEqual(['zhangwei@example.test']);
      expect(readMail(sink.mails[0]?.data ?? '').body).toContain('我的邮箱');
      expect((await unit.delete(`/api/v1/notifications/channels/${id}`)).statusCode).toBe(200);
    } finally {
      await sink.close();
    }
  });

  it('the outbox: written with the change, delivered by the job; a first failure is retried after the back-off', async () => {
    const { database } = t();
    await allowLocalhost();
    const team = await insertUnit(database, { regionCode: '370105' });
    const member = await insertUser(database, { unitId: team.id });
    const channel = (await office.post(unitChannels(team.id), dingtalk('/flaky'))).json();
    const outcome = await database.db.transaction((tx) =>
      notify(tx, {
        recipients: { unitIds: [team.id] },
        kind: 'report_overdue',
        messageKey: 'notification.report.overdue',
        params: { period: '2001-02', deadline: '2001-02-25', unit: '[测试]', count: 2 },
      }),
    );
    expect(outcome).toEqual({ notifications: 1, deliveries: 1 });
    const [pending] = await database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.channelId, channel.id));
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 });
    // User-typed text cannot become markdown links in a robot message.
    expect(pending?.body).toContain('［测试］');

    const now = new Date();
    const first = await deliverDue(database.db, { secret: TEST_SESSION_SECRET, now, random: () => 0 });
    expect(first.retrying).toBeGreaterThanOrEqual(1);
    const [afterFirst] = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, pending?.id ?? ''));
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lastErrorKey: 'notify.channel_rejected.dingtalk' });
    expect(afterFirst?.nextAttemptAt?.getTime()).toBe(now.getTime() + 30_000);

    // Not yet due: nothing is sent.
    await deliverDue(database.db, { secret: TEST_SESSION_SECRET, now: new Date(now.getTime() + 10_000) });
    const [waiting] = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, pending?.id ?? ''));
    expect(waiting?.attempts).toBe(1);

    await deliverDue(database.db, { secret: TEST_SESSION_SECRET, now: new Date(now.getTime() + 31_000) });
    const [sent] = await database.db
      .select()
      .from(notificationDeliveries)
      .where(eq(notificationDeliveries.id, pending?.id ?? ''));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(robotAccepted.at(-1)?.text).toContain('［测试］仍有 2 份项目报告未报送');
    const inbox = await database.db.select().from(notifications).where(eq(notifications.recipientId, member.id));
    expect(inbox).toHaveLength(1);
  });

  it('a failing webhook never loses the in-app notification: retried, then given up and logged', async () => {
    const { database } = t();
    await allowLocalhost();
    const team = await insertUnit(database, { regionCode: '370105' });
    const member = await insertUser(database, { unitId: team.id });
    const channel = (await office.post(unitChannels(team.id), dingtalk('/down'))).json();
    await database.db.transaction((tx) =>
      notify(tx, {
        recipients: { unitIds: [team.id] },
        kind: 'announcement',
        messageKey: 'notification.demo.welcome',
      }),
    );
    const retry = { baseMs: 1000, factor: 2, maxMs: 10_000, maxAttempts: 3, jitter: 0 };
    let clock = Date.now();
    for (let i = 0; i < 3; i += 1) {
      await deliverDue(database.db, { secret: TEST_SESSION_SECRET, now: new Date(clock), retry });
      clock += 60_000;
    }
    const [given] = await database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.channelId, channel.id));
    expect(given).toMatchObject({ status: 'failed', attempts: 3, lastStatus: 503, lastErrorKey: 'notify.http_status' });
    const inbox = await database.db.select().from(notifications).where(eq(notifications.recipientId, member.id));
    expect(inbox).toHaveLength(1);
    const log = (await admin.get('/api/v1/notification-deliveries?status=failed&pageSize=200')).json();
    const row = log.items.find((item: { channelId: string }) => item.channelId === channel.id);
    expect(row.lastError).toContain('HTTP 503');
  });

  it('remind them all: every unit on 未报送 told once; a double click within 10 minutes skips; scoped like the period', async () => {
    const { database } = t();
    const teamA = await insertUnit(database, { regionCode: '370105' });
    const teamB = await insertUnit(database, { regionCode: '370105' });
    const memberA = await insertUser(database, { unitId: teamA.id });
    const period = await insertPeriod(database);
    for (const team of [teamA, teamA, teamB]) {
      const project = await insertProject(database, { leadUnitId: team.id });
      await insertReport(database, period, { projectId: project.id, responsibleUnitId: team.id });
    }
    const url = `/api/v1/reporting-periods/${period.id}/remind`;
    expect((await unit.post(url)).statusCode).toBe(403);
    expect((await otherAdmin.post(url)).statusCode).toBe(404);

    const first = await office.post(url);
    expect(first.statusCode).toBe(200);
    const result = first.json();
    expect(result.againAfterMinutes).toBe(10);
    expect(result.skipped).toEqual([]);
    expect(result.reminded).toEqual(
      expect.arrayContaining([
        { unitId: teamA.id, unitName: teamA.name, reports: 2 },
        { unitId: teamB.id, unitName: teamB.name, reports: 1 },
      ]),
    );
    const again = (await office.post(url)).json();
    expect(again.reminded).toEqual([]);
    expect(again.skipped.map((s: { unitId: string }) => s.unitId)).toEqual(expect.arrayContaining([teamA.id, teamB.id]));
    const inbox = await database.db.select().from(notifications).where(eq(notifications.recipientId, memberA.id));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'report_reminder', link: '/my-reports' });
    expect(await lastAuditEvent(database, 'reporting_periods.remind', period.id)).not.toBeNull();
  });

  it('deadline reminders: 3 days before, on the day, after it — each once per period and unit, by the clock', async () => {
    const { database } = t();
    const team = await insertUnit(database, { regionCode: '370105' });
    const member = await insertUser(database, { unitId: team.id });
    const done = await insertUnit(database, { regionCode: '370105' });
    const deadline = '2099-03-20';
    const period = await insertPeriod(database, { deadline });
    const owed = await insertProject(database, { leadUnitId: team.id });
    await insertReport(database, period, { projectId: owed.id, responsibleUnitId: team.id });
    const submitted = await insertProject(database, { leadUnitId: done.id });
    await insertReport(database, period, { projectId: submitted.id, responsibleUnitId: done.id, status: 'submitted' });

    // Noon in Beijing on a day relative to the deadline.
    const at = (days: number) => new Date(`${addDays(deadline, days)}T04:00:00Z`);
    const kindsSent = async () =>
      (
        await database.db
          .select({ kind: reportReminders.kind, unitId: reportReminders.unitId })
          .from(reportReminders)
          .where(eq(reportReminders.periodId, period.id))
      )
        .map((r) => `${r.kind}:${r.unitId === team.id ? 'team' : 'done'}`)
        .sort();
    const inbox = () =>
      database.db
        .select({ messageKey: notifications.messageKey })
        .from(notifications)
        .where(and(eq(notifications.recipientId, member.id)));

    await sendReportReminders(database.db, at(-5));
    expect(await kindsSent()).toEqual([]);
    await sendReportReminders(database.db, at(-3));
    await sendReportReminders(database.db, at(-3));
    await sendReportReminders(database.db, at(-1));
    expect(await kindsSent()).toEqual(['before:team']);
    await sendReportReminders(database.db, at(0));
    await sendReportReminders(database.db, at(1));
    await sendReportReminders(database.db, at(2));
    expect(await kindsSent()).toEqual(['after:team', 'before:team', 'on:team']);
    expect((await inbox()).map((n) => n.messageKey).sort()).toEqual([
      'notification.report.due_soon',
      'notification.report.due_today',
      'notification.report.overdue',
    ]);
  });
});
