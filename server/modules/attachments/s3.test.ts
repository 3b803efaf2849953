import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachments } from '../../db/schema';
import { startFakeS3 } from '../../test/fake-s3';
import { insertPeriod, insertProject, insertReport, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

// The attachments API with its files in an S3-compatible bucket: a local S3 server over real HTTP that checks every
// request's signature (server/test/fake-s3.ts), and can be made to fail.

const s3 = await startFakeS3();
afterAll(() => s3.close());
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-attachments-s3-'));
const BOUNDARY = '----lantu-s3-boundary';

function multipart(fields: Record<string, string>, file: { name: string; type: string; body: Buffer }) {
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.body,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  );
  return Buffer.concat(parts);
}

const upload = (client: Client, recordType: string, recordId: string, file: { name: string; type: string; body: Buffer }) =>
  client.post('/api/v1/attachments', multipart({ recordType, recordId }, file), {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
  });

const jpeg = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a6' } })
    .jpeg()
    .toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const keys = () => [...s3.objects.keys()].sort();
const local = (folder: string) => (existsSync(path.join(dataDir, folder)) ? readdirSync(path.join(dataDir, folder)) : []);

describeEachDatabase(
  'attachments API on an S3-compatible store',
  (t) => {
    let unit: Client;
    let office: Client;
    let otherDistrict: Client;
    let report: { id: string };

    beforeAll(async () => {
      const { app, database } = t();
      [unit, office, otherDistrict] = await Promise.all([
        signInAs(app, 'unit'),
        signInAs(app, 'office'),
        signInAs(app, OTHER_REGION.adminUsername),
      ]);
      const beiyuan = await unitIdByName(database, '北园街道办事处');
      const project = await insertProject(database, {
        name: `S3附件项目${Date.now()}`,
        leadUnitId: beiyuan,
        createdBy: await userIdOf(database, 'unit'),
      });
      report = await insertReport(database, await insertPeriod(database), { projectId: project.id, responsibleUnitId: beiyuan });
    });

    it('puts the photo and its thumbnail in the bucket, nothing in the data folder, and streams both back in scope', async () => {
      const photo = await jpeg();
      const before = keys();
      const response = await upload(unit, 'report', report.id, { name: '工地.jpg', type: 'image/jpeg', body: photo });
      expect(response.statusCode, response.body).toBe(201);
      const { id } = response.json() as { id: string };
      const [row] = await t().database.db.select().from(attachments).where(eq(attachments.id, id));
      expect(keys()).toEqual([...before, `attachments/${row?.storedName}`, `attachments/${row?.thumbnailName}`].sort());
      expect(s3.objects.get(`attachments/${row?.storedName}`)?.body.equals(photo)).toBe(true);
      expect(local('attachments')).toEqual([]);
      expect(local('uploads')).toEqual([]);

      const file = await office.get(`/api/v1/attachments/${id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(photo)).toBe(true);
      expect(file.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'content-length': String(photo.length),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      expect(file.headers['content-disposition']).toMatch(/^inline; filename="attachment-[0-9a-f]{8}\.jpg"/);
      const thumbnail = await unit.get(`/api/v1/attachments/${id}/thumbnail`);
      expect(thumbnail.statusCode).toBe(200);
      const meta = await sharp(thumbnail.rawPayload).metadata();
      expect([meta.format, Math.max(meta.width ?? 0, meta.height ?? 0)]).toEqual(['jpeg', 320]);

      // Out of scope: 404 on every route, and the bucket is not even asked.
      const asked = s3.requests.length;
      for (const url of [`/api/v1/attachments/${id}/file`, `/api/v1/attachments/${id}/thumbnail`]) {
        expect((await otherDistrict.get(url)).statusCode, url).toBe(404);
      }
      expect((await otherDistrict.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(404);
      expect(s3.requests.length).toBe(asked);
      expect(s3.requests.every((r) => r.status !== 403)).toBe(true);
    });

    it('deletes the row (audited) and then both objects', async () => {
      const response = await upload(unit, 'report', report.id, { name: '删除我.jpg', type: 'image/jpeg', body: await jpeg() });
      const { id } = response.json() as { id: string };
      const [row] = await t().database.db.select().from(attachments).where(eq(attachments.id, id));
      expect((await unit.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(200);
      expect(s3.objects.has(`attachments/${row?.storedName}`)).toBe(false);
      expect(s3.objects.has(`attachments/${row?.thumbnailName}`)).toBe(false);
      expect((await lastAuditEvent(t().database, 'attachments.delete', id))?.before).toMatchObject({ fileName: '删除我.jpg' });
      expect((await office.get(`/api/v1/attachments/${id}/file`)).statusCode).toBe(404);
    });

    it('the store failing on a put: 503 in the user’s words, no row, no object, no staged file', async () => {
      const { database } = t();
      const count = async () => (await database.db.select().from(attachments).where(eq(attachments.recordId, report.id))).length;
      const [rows, objects] = [await count(), keys()];
      const since = s3.requests.length;

      // A document, its one put cut off: refused, and the name it might have landed under is deleted.
      s3.failNext(1, { method: 'PUT', cut: true });
      const cut = await upload(unit, 'report', report.id, { name: '批复.pdf', type: 'application/pdf', body: PDF });
      expect(cut.statusCode).toBe(503);
      expect(errorOf(cut)).toMatchObject({ code: 'attachment_store_unavailable', message: expect.stringContaining('文件未保存') });
      expect(cut.headers['retry-after']).toBe('30');

      // A photo: its thumbnail stored, then the photo's put refused — the thumbnail is deleted again.
      s3.failNext(1, { method: 'PUT', status: 500, after: 1 });
      const refused = await upload(unit, 'report', report.id, { name: 'c.jpg', type: 'image/jpeg', body: await jpeg() });
      expect(refused.statusCode).toBe(503);
      expect(s3.requests.slice(since).map((r) => `${r.method} ${r.status}`)).toEqual([
        'DELETE 204',
        'PUT 200',
        'PUT 500',
        'DELETE 204',
        'DELETE 204',
      ]);

      expect(await count()).toBe(rows);
      expect(keys()).toEqual(objects);
      expect(local('uploads')).toEqual([]);
      expect(local('attachments')).toEqual([]);
    });

    it('the store failing on a download: 503 and Retry-After; an object gone from the bucket: 410', async () => {
      const response = await upload(unit, 'report', report.id, { name: 'd.pdf', type: 'application/pdf', body: PDF });
      const { id } = response.json() as { id: string };
      s3.failNext(1, { method: 'GET', cut: true });
      const down = await office.get(`/api/v1/attachments/${id}/file`);
      expect(down.statusCode).toBe(503);
      expect(errorOf(down)).toMatchObject({ code: 'attachment_store_unavailable', message: expect.stringContaining('稍后重试') });
      expect(down.body).not.toContain(s3.settings.endpoint);
      const [row] = await t().database.db.select().from(attachments).where(eq(attachments.id, id));
      s3.objects.delete(`attachments/${row?.storedName}`);
      expect((await office.get(`/api/v1/attachments/${id}/file`)).statusCode).toBe(410);
    });

    it('the store failing on a delete: the attachment is gone for everyone, its objects left for the purge', async () => {
      const response = await upload(unit, 'report', report.id, { name: 'e.pdf', type: 'application/pdf', body: PDF });
      const { id } = response.json() as { id: string };
      const [row] = await t().database.db.select().from(attachments).where(eq(attachments.id, id));
      s3.failNext(1, { method: 'DELETE', status: 500 });
      expect((await unit.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(200);
      expect(await t().database.db.select().from(attachments).where(eq(attachments.id, id))).toEqual([]);
      expect(s3.objects.has(`attachments/${row?.storedName}`)).toBe(true);
      s3.objects.delete(`attachments/${row?.storedName}`);
    });
  },
  { dataDir, s3: s3.settings },
);
