import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachments, auditEvents, jobRuns, projects } from '../db/schema';
import { createScheduler } from '../lib/scheduler';
import { newStoredName } from '../lib/uploads';
import { ORPHAN_GRACE_DAYS } from '../modules/attachments';
import { startFakeS3 } from '../test/fake-s3';
import { insertMatter, insertPeriod, insertProject, insertReport, unitIdByName, userIdOf } from '../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../test/harness';
import { purgeOrphanAttachments } from './purge-orphan-attachments';

const s3 = await startFakeS3();
afterAll(() => s3.close());
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-purge-attachments-'));
const DAY_MS = 24 * 60 * 60 * 1000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const BOUNDARY = '----lantu-purge-boundary';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function upload(client: Client, recordType: string, recordId: string): Promise<string> {
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="recordType"\r\n\r\n${recordType}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="recordId"\r\n\r\n${recordId}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="f.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const response = await client.post('/api/v1/attachments', body, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

describeEachDatabase(
  'scheduled job: purge the attachments of deleted records',
  (t) => {
    let office: Client;
    const ids: Record<'removedReport' | 'deletedProject' | 'itsMatter' | 'kept', string> = {
      removedReport: '',
      deletedProject: '',
      itsMatter: '',
      kept: '',
    };
    let periodId = '';
    let reportProjectId = '';
    let deletedProjectId = '';

    beforeAll(async () => {
      const { app, database } = t();
      office = await signInAs(app, 'office');
      const beiyuan = await unitIdByName(database, '北园街道办事处');
      const raisedBy = await userIdOf(database, 'office');
      const period = await insertPeriod(database);
      periodId = period.id;
      const reportProject = await insertProject(database, { name: `清理填报${Date.now()}`, leadUnitId: beiyuan });
      reportProjectId = reportProject.id;
      const report = await insertReport(database, period, { projectId: reportProject.id, responsibleUnitId: beiyuan });
      const doomed = await insertProject(database, { name: `清理项目${Date.now()}`, leadUnitId: beiyuan });
      deletedProjectId = doomed.id;
      const matter = await insertMatter(database, { leadUnitId: beiyuan, raisedBy, projectId: doomed.id });
      const kept = await insertProject(database, { name: `保留项目${Date.now()}`, leadUnitId: beiyuan });
      ids.removedReport = await upload(office, 'report', report.id);
      ids.deletedProject = await upload(office, 'project', doomed.id);
      ids.itsMatter = await upload(office, 'matter', matter.id);
      ids.kept = await upload(office, 'project', kept.id);
    });

    it('removes rows and objects of deleted records only after the grace period, audited, logged in job_runs, once', async () => {
      const { database } = t();
      const db = database.db;
      const job = purgeOrphanAttachments({ dataDir, s3: s3.settings });
      const rowsOf = async () =>
        (
          await db
            .select()
            .from(attachments)
            .where(inArray(attachments.id, Object.values(ids)))
        )
          .map((r) => r.id)
          .sort();
      const [keptRow] = await db.select().from(attachments).where(eq(attachments.id, ids.kept));
      const orphanRows = await db
        .select()
        .from(attachments)
        .where(inArray(attachments.id, [ids.removedReport, ids.deletedProject, ids.itsMatter]));

      // The bucket is this installation's alone (the other database's suite used the same local store before).
      const ours = (await db.select().from(attachments)).flatMap((r) => [r.storedName, r.thumbnailName]);
      for (const key of [...s3.objects.keys()]) if (!ours.includes(key.slice('attachments/'.length))) s3.objects.delete(key);

      // The office takes the project off the period (its report deleted, audited); a project is deleted with its matter.
      expect((await office.delete(`/api/v1/reporting-periods/${periodId}/projects/${reportProjectId}`)).statusCode).toBe(200);
      await db.delete(projects).where(eq(projects.id, deletedProjectId));
      // Row-less objects: one left by a crash two days ago, one being uploaded just now, and a stranger's file.
      const [stale, fresh] = [newStoredName(), newStoredName()];
      s3.objects.set(`attachments/${stale}`, { body: Buffer.from('x'), modifiedAt: new Date(Date.now() - 2 * DAY_MS) });
      s3.objects.set(`attachments/${fresh}`, { body: Buffer.from('y'), modifiedAt: new Date() });
      s3.objects.set('attachments/readme.txt', { body: Buffer.from('z'), modifiedAt: new Date(0) });

      // Today: the records are gone, but within the grace period: every row and object stays; the stale object goes.
      const today = new Date();
      const runToday = await createScheduler({ db, jobs: [job], log: silent, clock: () => today }).tick();
      expect(runToday.map((r) => [r.job, r.outcome])).toEqual([['purge-orphan-attachments', { rows: 0, objects: 1, left: 0 }]]);
      expect(await rowsOf()).toEqual(Object.values(ids).sort());
      expect(s3.objects.has(`attachments/${stale}`)).toBe(false);
      expect(s3.objects.has(`attachments/${fresh}`)).toBe(true);

      // After the grace period: the three files of deleted records go, rows and objects. The store refuses one delete:
      // that object is row-less now, and the same run's sweep of row-less objects deletes it (counted in `left` once).
      const later = new Date(today.getTime() + (ORPHAN_GRACE_DAYS + 1) * DAY_MS);
      s3.failNext(1, { method: 'DELETE', status: 500 });
      const [run] = await createScheduler({ db, jobs: [job], log: silent, clock: () => later }).tick();
      expect(run?.outcome).toEqual({ rows: 3, objects: 4, left: 1 });
      expect(await rowsOf()).toEqual([ids.kept]);
      expect(s3.objects.has(`attachments/${keptRow?.storedName}`)).toBe(true);
      expect(s3.objects.has(`attachments/${fresh}`)).toBe(false);
      expect(s3.objects.has('attachments/readme.txt')).toBe(true);
      const [logged] = await db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, 'purge-orphan-attachments'), eq(jobRuns.periodKey, run?.periodKey ?? '')));
      expect(logged?.outcome).toEqual({ rows: 3, objects: 4, left: 1 });
      expect(logged?.finishedAt).not.toBeNull();
      const events = await db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, 'attachments.delete'),
            inArray(
              auditEvents.recordId,
              orphanRows.map((r) => r.id),
            ),
          ),
        );
      expect(events).toHaveLength(3);
      for (const event of events) {
        expect(event.actorName).toBe('lantu purge-orphan-attachments');
        expect(event.before).toMatchObject({ reason: 'record_deleted', fileName: 'f.pdf' });
      }

      expect(orphanRows.filter((r) => s3.objects.has(`attachments/${r.storedName}`))).toEqual([]);

      // Run again the same day (another instance, a retry): nothing more to do.
      expect(await job.run({ db, now: later, log: silent })).toEqual({ rows: 0, objects: 0, left: 0 });
      // A store down for the whole run: the rows go, their objects wait for the next run's sweep.
      const another = await insertProject(database, { name: `再清理${Date.now()}` });
      const anotherFile = await upload(office, 'project', another.id);
      const [anotherRow] = await db.select().from(attachments).where(eq(attachments.id, anotherFile));
      await db.delete(projects).where(eq(projects.id, another.id));
      s3.failNext(2, { method: 'DELETE', status: 503 });
      expect(await job.run({ db, now: later, log: silent })).toEqual({ rows: 1, objects: 0, left: 2 });
      expect(s3.objects.has(`attachments/${anotherRow?.storedName}`)).toBe(true);
      expect(await job.run({ db, now: new Date(later.getTime() + 2 * DAY_MS), log: silent })).toEqual({ rows: 0, objects: 1, left: 0 });
      expect(s3.objects.has(`attachments/${anotherRow?.storedName}`)).toBe(false);
      expect(await rowsOf()).toEqual([ids.kept]);
    });
  },
  { dataDir, s3: s3.settings },
);
