import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, dictionaryItems, roles, users, userScopeUnits } from '../../db/schema';
import { recordAudit } from '../../lib/audit';
import {
  buildProject,
  insertAuditEvent,
  insertMatter,
  insertPeriod,
  insertProject,
  insertReport,
  insertTracks,
  uniqueSuffix,
  unitIdByName,
  userIdOf,
} from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

type Event = {
  id: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  recordType: string | null;
  recordId: string | null;
};
type Listing = { items: Event[]; total: number };

describeEachDatabase('audit events API', (t) => {
  let admin: Client;
  let viewer: Client;
  let unitStaff: Client;
  let otherAdmin: Client;
  let adminUnitId: string;
  let otherUnitId: string;
  let districtItemId: string;

  const list = async (client: Client, query = ''): Promise<Listing> => {
    const response = await client.get(`/api/v1/audit-events?pageSize=200${query}`);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const unitOf = async (username: string) => {
    const [row] = await t().database.db.select({ unitId: users.unitId }).from(users).where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.unitId;
  };

  beforeAll(async () => {
    admin = await signInAs(t().app, 'admin');
    viewer = await signInAs(t().app, 'viewer');
    unitStaff = await signInAs(t().app, 'unit');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    adminUnitId = await unitOf('admin');
    otherUnitId = await unitOf(OTHER_REGION.adminUsername);
    // A write in the demo district, recorded with region 370105.
    const created = await admin.post('/api/v1/dictionaries/enterprise_tag/items', {
      code: 'audit_probe',
      name: '审计探针',
      nameEn: 'Audit probe',
    });
    districtItemId = created.json().id;
  });

  it('answers 401 when signed out and 403 to a role without audit.read', async () => {
    const signedOut = await anonymous(t().app).get('/api/v1/audit-events');
    expect(signedOut.statusCode).toBe(401);
    expect(errorOf(signedOut).code).toBe('unauthenticated');
    const refused = await unitStaff.get('/api/v1/audit-events');
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
  });

  it('lists the administrator’s own sign-in, newest first', async () => {
    const signIns = await list(admin, `&action=auth.sign_in&actorId=${admin.userId}`);
    expect(signIns.total).toBeGreaterThanOrEqual(1);
    expect(signIns.items[0]).toMatchObject({ action: 'auth.sign_in', actorName: 'admin', recordType: 'user', recordId: admin.userId });
    const all = await list(admin);
    const ids = all.items.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({ action: 'dictionaries.create', recordId: districtItemId });
  });

  it('filters by action, record, actor, time and search text', async () => {
    const byRecord = await list(admin, `&recordType=dictionary_item&recordId=${districtItemId}`);
    expect(byRecord.items.map((e) => e.action)).toEqual(['dictionaries.create']);
    const byActor = await list(admin, `&actorId=${viewer.userId}`);
    expect(byActor.items.length).toBeGreaterThan(0);
    expect(byActor.items.every((e) => e.actorId === viewer.userId)).toBe(true);
    const byAction = await list(admin, '&action=auth.sign_in');
    expect(byAction.items.every((e) => e.action === 'auth.sign_in')).toBe(true);
    expect(byAction.items.map((e) => e.actorName)).toEqual(expect.arrayContaining(['admin', 'viewer', 'unit']));
    const hourAgo = encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString());
    const inAnHour = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await list(admin, `&from=${hourAgo}&to=${inAnHour}&recordId=${districtItemId}`)).total).toBe(1);
    expect((await list(admin, `&from=${inAnHour}`)).total).toBe(0);
    expect((await list(admin, `&to=${hourAgo}&recordId=${districtItemId}`)).total).toBe(0);
    expect((await list(admin, '&q=audit')).total).toBe(0);
    expect((await list(admin, '&q=dictionaries.cre')).items.map((e) => e.recordId)).toContain(districtItemId);
    const page = (await admin.get('/api/v1/audit-events?pageSize=1&page=2')).json();
    expect(page.items).toHaveLength(1);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const response = await admin.get('/api/v1/audit-events?action=Sign%20In&actorId=42&from=yesterday&surplus=1');
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(['query.action', 'query.actorId', 'query.from', 'query.surplus']),
    );
    const sort = await admin.get('/api/v1/audit-events?sort=ip');
    expect(errorOf(sort).details?.[0]?.path).toBe('query.sort');
  });

  it('lets a district supervisor read the district’s events', async () => {
    const seen = await list(viewer);
    expect(seen.items.map((e) => e.recordId)).toContain(districtItemId);
    expect(seen.items.some((e) => e.action === 'auth.sign_in' && e.actorId === admin.userId)).toBe(true);
  });

  it('keeps every event of another district invisible, whether judged by region or by actor', async () => {
    const db = t().database.db;
    // Written in 历下区 by someone whose unit is in 天桥区, and in 天桥区 by someone of 历下区 (no region recorded).
    const [foreignRegion] = await db
      .insert(auditEvents)
      .values({ action: 'probe.foreign_region', regionCode: OTHER_REGION.code, actorUnitId: adminUnitId })
      .returning();
    const [foreignActor] = await db.insert(auditEvents).values({ action: 'probe.foreign_actor', actorUnitId: otherUnitId }).returning();
    const ours = await list(admin, '&q=probe.');
    expect(ours.items).toEqual([]);
    const theirs = await list(otherAdmin);
    expect(theirs.items.map((e) => e.id).sort()).toEqual(expect.arrayContaining([String(foreignRegion?.id), String(foreignActor?.id)]));
    expect(theirs.items.map((e) => e.recordId)).not.toContain(districtItemId);
    expect(theirs.items.every((e) => e.actorName === OTHER_REGION.adminUsername || e.action.startsWith('probe.'))).toBe(true);
    expect((await list(otherAdmin, `&actorId=${admin.userId}`)).total).toBe(0);
  });

  it('narrows the log to the unit tree, the own records, or the chosen units for narrower scopes', async () => {
    const db = t().database.db;
    await db
      .update(roles)
      .set({ permissions: sql`array_append(${roles.permissions}, 'audit.read')` })
      .where(inArray(roles.code, ['investment_staff', 'leader']));
    const invest = await signInAs(t().app, 'invest');
    const leader = await signInAs(t().app, 'leader');
    const investUnitId = await unitOf('invest');
    const investSeen = await list(invest);
    expect(investSeen.items.map((e) => e.actorId)).toContain(invest.userId);
    expect(investSeen.items.map((e) => e.actorId)).not.toContain(admin.userId);
    const leaderSeen = await list(leader);
    expect(leaderSeen.total).toBeGreaterThan(0);
    expect(leaderSeen.items.every((e) => e.actorId === leader.userId)).toBe(true);

    const officeId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'office')))[0]?.id ?? '';
    await db.update(users).set({ dataScope: 'custom' }).where(eq(users.id, officeId));
    await db.insert(userScopeUnits).values({ userId: officeId, unitId: investUnitId });
    const office = await signInAs(t().app, 'office');
    const officeSeen = await list(office);
    expect(officeSeen.items.map((e) => e.actorId)).toContain(invest.userId);
    expect(officeSeen.items.every((e) => e.actorId === invest.userId)).toBe(true);
  });

  it('has no route that changes or deletes an event', async () => {
    const [event] = await t().database.db.select({ id: auditEvents.id }).from(auditEvents).limit(1);
    for (const response of [
      await admin.patch(`/api/v1/audit-events/${event?.id}`, { action: 'tampered' }),
      await admin.delete(`/api/v1/audit-events/${event?.id}`),
      await admin.delete('/api/v1/audit-events'),
      await admin.request('PUT', `/api/v1/audit-events/${event?.id}`, { action: 'tampered' }),
      await admin.post('/api/v1/audit-events', { action: 'forged' }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(errorOf(response).code).toBe('route_not_found');
    }
    const [still] = await t()
      .database.db.select()
      .from(auditEvents)
      .where(eq(auditEvents.id, event?.id ?? 0));
    expect(still?.action).not.toBe('tampered');
  });
});

describeEachDatabase('audit events API: the log as officials read it', (t) => {
  let office: Client;
  let unitStaff: Client;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    // A unit clerk who may read his unit's events (audit.read given to his role): he sees only his unit's projects.
    await t()
      .database.db.update(roles)
      .set({ permissions: sql`array_append(${roles.permissions}, 'audit.read')` })
      .where(eq(roles.code, 'unit_staff'));
    unitStaff = await signInAs(t().app, 'unit');
  });

  const events = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/audit-events?pageSize=200${query}`);
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: (Event & { recordName: string | null })[] }).items;
  };

  it('hides routine sign-ins when asked, shows only them when asked, and everything by default', async () => {
    const all = await events(office, '');
    const hidden = await events(office, '&sessions=hidden');
    const only = await events(office, '&sessions=only');
    expect(all.some((e) => e.action === 'auth.sign_in')).toBe(true);
    expect(hidden.some((e) => e.action.startsWith('auth.sign_in'))).toBe(false);
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((e) => ['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'auth.totp_challenge'].includes(e.action))).toBe(
      true,
    );
  });

  it('names the project an event is about for a reader who may see the project, and no one else', async () => {
    const project = await buildProject(office, t().database, { name: `审计可读名称${uniqueSuffix()}` });
    const [created] = await events(office, `&recordId=${project.id}&action=projects.create`);
    expect(created?.recordName).toBe(project.name);
    // The unit clerk who sees the event (his district's) but not the project (another unit's) gets no name.
    const [clerk] = await t()
      .database.db.select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId })
      .from(users)
      .where(eq(users.username, 'unit'));
    if (!clerk) throw new Error('no unit user');
    await insertAuditEvent(t().database, { actor: clerk, regionCode: '370105', recordId: project.id, recordType: 'project' });
    const [seen] = await events(unitStaff, `&recordId=${project.id}`);
    expect(seen).toMatchObject({ action: 'test.event', recordType: 'project', recordName: null });
  });
});

describeEachDatabase('audit events API: each record named in the reader’s scope', (t) => {
  type Named = Event & {
    recordName: string | null;
    recordProject: { id: string; name: string } | null;
    about: { month?: string; title?: string; typeCode?: string } | null;
    valueNames: Record<string, string>;
  };
  let office: Client;
  let clerkClient: Client;
  let clerk: { id: string; username: string; displayName: string; unitId: string };
  let housingUnitId: string;
  let project: { id: string; name: string };
  let tracks: Awaited<ReturnType<typeof insertTracks>>;
  let report: { id: string };
  let period: { id: string; year: number; month: number };
  let matter: { id: string; title: string };
  let ownProject: { id: string; name: string };

  const events = async (client: Client, recordId: string) => {
    const response = await client.get(`/api/v1/audit-events?pageSize=200&recordId=${recordId}`);
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: Named[] }).items;
  };
  const pad = (n: number) => String(n).padStart(2, '0');

  beforeAll(async () => {
    const db = t().database;
    office = await signInAs(t().app, 'office');
    await db.db
      .update(roles)
      .set({ permissions: sql`array_append(${roles.permissions}, 'audit.read')` })
      .where(eq(roles.code, 'unit_staff'));
    clerkClient = await signInAs(t().app, 'unit');
    const [row] = await db.db
      .select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId })
      .from(users)
      .where(eq(users.username, 'unit'));
    if (!row) throw new Error('no unit user');
    clerk = row;
    housingUnitId = await unitIdByName(db, '区住房和城乡建设局');
    // A project of another unit (the clerk may not see it) with its records, and one of the clerk's own unit.
    project = await insertProject(db, { leadUnitId: housingUnitId, name: `审计名称项目${uniqueSuffix()}` });
    ownProject = await insertProject(db, { leadUnitId: clerk.unitId, name: `审计本单位项目${uniqueSuffix()}` });
    tracks = await insertTracks(db, project.id);
    period = await insertPeriod(db);
    report = await insertReport(db, period, { projectId: project.id, responsibleUnitId: housingUnitId });
    matter = await insertMatter(db, { leadUnitId: housingUnitId, raisedBy: await userIdOf(db, 'office'), projectId: project.id });
    // The clerk's own events (so he reads them) about each record.
    const about = (recordType: string, recordId: string) =>
      insertAuditEvent(db, { actor: clerk, regionCode: '370105', recordType, recordId, action: `probe.${recordType}` });
    await about('approval_item', tracks.approvalItemId);
    await about('funding_line', tracks.fundingLineId);
    await about('annual_plan', tracks.annualPlanId);
    await about('plan', project.id);
    await about('progress_report', report.id);
    await about('reporting_period', period.id);
    await about('matter', matter.id);
    await about('unit', housingUnitId);
    await about('role', 'leader');
    await about('project', ownProject.id);
  });

  it('names a project’s records by what they are, with their project, for a reader who may see the project', async () => {
    const [item] = await events(office, tracks.approvalItemId);
    const [filing] = await t()
      .database.db.select({ name: dictionaryItems.name })
      .from(dictionaryItems)
      .where(and(eq(dictionaryItems.type, 'approval_item_type'), eq(dictionaryItems.code, 'filing')));
    expect(item).toMatchObject({
      recordName: filing?.name,
      recordProject: { id: project.id, name: project.name },
      about: { typeCode: 'filing' },
    });
    // Who acted, by the name people know him by beside the username the log keeps.
    expect(item).toMatchObject({ actorName: clerk.displayName, actorDisplayName: clerk.displayName });
    const [line] = await events(office, tracks.fundingLineId);
    expect(line?.recordProject).toEqual({ id: project.id, name: project.name });
    expect(line?.recordName).toBeTruthy();
    const [annual] = await events(office, tracks.annualPlanId);
    expect(annual?.recordProject?.name).toBe(project.name);
    const [plan] = await events(office, project.id);
    expect(plan).toMatchObject({ recordType: 'plan', recordName: project.name, recordProject: { id: project.id } });
  });

  it('names a report by its project and month, a period by its month, a matter by its title', async () => {
    const month = `${period.year}-${pad(period.month)}`;
    const [reported] = await events(office, report.id);
    expect(reported).toMatchObject({ recordName: project.name, recordProject: { id: project.id, name: project.name }, about: { month } });
    const [periodEvent] = await events(office, period.id);
    expect(periodEvent?.about).toEqual({ month });
    const [matterEvent] = await events(office, matter.id);
    expect(matterEvent).toMatchObject({ recordName: matter.title, recordProject: { id: project.id }, about: { title: matter.title } });
    const [unit] = await events(office, housingUnitId);
    expect(unit?.recordName).toBe('区住房和城乡建设局');
    const [role] = await events(office, 'leader');
    expect(role?.recordName).toBeTruthy();
    expect(role?.recordName).not.toBe('leader');
  });

  it('leaves a record outside the reader’s scope unnamed, while naming what he may see', async () => {
    for (const id of [tracks.approvalItemId, tracks.fundingLineId, tracks.annualPlanId, project.id, report.id, matter.id]) {
      const [seen] = await events(clerkClient, id);
      expect(seen, id).toMatchObject({ recordName: null, recordProject: null, about: null });
    }
    const [own] = await events(clerkClient, ownProject.id);
    expect(own?.recordName).toBe(ownProject.name);
  });

  it('names the people, units and projects an event’s values hold by id, a project only in scope', async () => {
    const officeId = await userIdOf(t().database, 'office');
    await t().database.db.transaction((tx) =>
      recordAudit(
        tx,
        { ip: null, requestId: null, actorId: clerk.id, actorName: clerk.displayName, actorUnitId: clerk.unitId, regionCode: '370105' },
        {
          action: 'matters.reassign',
          recordType: 'matter',
          recordId: matter.id,
          before: { leadUnitId: clerk.unitId },
          after: { leadUnitId: housingUnitId, projectId: project.id, raisedBy: officeId, text: housingUnitId },
        },
      ),
    );
    const read = async (client: Client) => (await events(client, matter.id)).find((e) => e.action === 'matters.reassign');
    const byOffice = await read(await signInAs(t().app, 'office'));
    expect(byOffice?.valueNames).toMatchObject({ [housingUnitId]: '区住房和城乡建设局', [project.id]: project.name });
    expect(Object.keys(byOffice?.valueNames ?? {})).toContain(clerk.unitId);
    const byClerk = await read(clerkClient);
    expect(byClerk?.valueNames[housingUnitId]).toBe('区住房和城乡建设局');
    expect(byClerk?.valueNames).not.toHaveProperty(project.id);
  });
});
