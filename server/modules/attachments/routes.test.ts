import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENTS_PER_RECORD } from '../../../common/schemas/attachments';
import { attachments, progressReports } from '../../db/schema';
import { insertMatter, insertPeriod, insertProject, insertReport, insertUnit, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-attachments-'));
const BOUNDARY = '----lantu-test-boundary';

/** A multipart body with the fields and one file, as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; type: string; body: Buffer }) {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.body,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

const upload = (client: Client, recordType: string, recordId: string, file?: { name: string; type: string; body: Buffer }) =>
  client.post('/api/v1/attachments', multipart({ recordType, recordId }, file), {
    'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
  });

const jpeg = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: '#c33' } })
    .png()
    .toBuffer();
// A Windows executable's first bytes (MZ header), named like a photo.
const EXECUTABLE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(200, 1)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/api/v1/users")</script></body></html>');
const storedFiles = () => (existsSync(path.join(dataDir, 'attachments')) ? readdirSync(path.join(dataDir, 'attachments')) : []);

type Listed = {
  items: { id: string; fileName: string; hasThumbnail: boolean; uploaderName: string; abilities: { delete: boolean } }[];
  abilities: { add: boolean };
};

describeEachDatabase(
  'attachments API',
  (t) => {
    let unit: Client;
    let office: Client;
    let otherDistrict: Client;
    let beiyuan: string;
    let project: { id: string };
    let report: { id: string };

    beforeAll(async () => {
      const { app, database } = t();
      [unit, office, otherDistrict] = await Promise.all([
        signInAs(app, 'unit'),
        signInAs(app, 'office'),
        signInAs(app, OTHER_REGION.adminUsername),
      ]);
      beiyuan = await unitIdByName(database, '北园街道办事处');
      project = await insertProject(database, {
        name: `附件项目${Date.now()}`,
        leadUnitId: beiyuan,
        createdBy: await userIdOf(database, 'unit'),
      });
      const period = await insertPeriod(database);
      report = await insertReport(database, period, { projectId: project.id, responsibleUnitId: beiyuan });
    });

    it('stores a real photo, lists it with a thumbnail, and serves it back byte for byte with safe headers', async () => {
      const photo = await jpeg();
      const response = await upload(unit, 'report', report.id, { name: '现场照片.jpg', type: 'image/jpeg', body: photo });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json() as { id: string; contentType: string; sizeBytes: number; hasThumbnail: boolean };
      expect(created).toMatchObject({ contentType: 'image/jpeg', sizeBytes: photo.length, hasThumbnail: true });
      const event = await lastAuditEvent(t().database, 'attachments.create', created.id);
      expect(event?.after).toMatchObject({ recordType: 'report', recordId: report.id, fileName: '现场照片.jpg' });

      const list = await office.get(`/api/v1/attachments?recordType=report&recordId=${report.id}`);
      expect(list.statusCode).toBe(200);
      const listed = list.json() as Listed;
      expect(listed.items).toEqual([expect.objectContaining({ id: created.id, fileName: '现场照片.jpg', hasThumbnail: true })]);
      expect(listed.items[0]?.uploaderName).toBeTruthy();

      const file = await office.get(`/api/v1/attachments/${created.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.equals(photo)).toBe(true);
      expect(file.headers['content-type']).toBe('image/jpeg');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toMatch(/^inline; filename="attachment-[0-9a-f]{8}\.jpg"; filename\*=UTF-8''/);
      expect(file.headers['content-security-policy']).toContain('sandbox');

      const thumbnail = await unit.get(`/api/v1/attachments/${created.id}/thumbnail`);
      expect(thumbnail.statusCode).toBe(200);
      expect(thumbnail.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(thumbnail.rawPayload).metadata();
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
    });

    it('serves a PNG byte-equal, and a PDF only as a download', async () => {
      const image = await png();
      const pngAnswer = await upload(unit, 'project', project.id, { name: 'site.png', type: 'application/octet-stream', body: image });
      expect(pngAnswer.statusCode, pngAnswer.body).toBe(201);
      const pngId = (pngAnswer.json() as { id: string }).id;
      const pngFile = await unit.get(`/api/v1/attachments/${pngId}/file`);
      expect(pngFile.rawPayload.equals(image)).toBe(true);
      expect(pngFile.headers['content-type']).toBe('image/png');

      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const pdfAnswer = await upload(unit, 'project', project.id, { name: '批复.pdf', type: 'application/pdf', body: pdf });
      expect(pdfAnswer.statusCode, pdfAnswer.body).toBe(201);
      const pdfId = (pdfAnswer.json() as { id: string; hasThumbnail: boolean }).id;
      expect((pdfAnswer.json() as { hasThumbnail: boolean }).hasThumbnail).toBe(false);
      const pdfFile = await unit.get(`/api/v1/attachments/${pdfId}/file`);
      expect(pdfFile.headers['content-type']).toBe('application/pdf');
      expect(pdfFile.headers['content-disposition']).toMatch(/^attachment; /);
      expect((await unit.get(`/api/v1/attachments/${pdfId}/thumbnail`)).statusCode).toBe(404);
      for (const id of [pngId, pdfId]) expect((await unit.delete(`/api/v1/attachments/${id}`)).statusCode).toBe(200);
    });

    describe('refuses what is not a photo or document, naming the field, and keeps nothing', () => {
      it.each([
        ['an executable renamed .jpg', { name: 'photo.jpg', type: 'image/jpeg', body: EXECUTABLE }],
        ['an SVG with script', { name: 'drawing.svg', type: 'image/svg+xml', body: SVG }],
        ['an SVG named .png', { name: 'drawing.png', type: 'image/png', body: SVG }],
        ['an HTML page', { name: 'page.html', type: 'text/html', body: HTML }],
        [
          'a zip that is not Word or Excel',
          { name: 'report.docx', type: 'application/zip', body: Buffer.from('PK\x03\x04garbage', 'latin1') },
        ],
      ])('%s → 400 on file', async (_name, file) => {
        const before = storedFiles().length;
        const response = await upload(unit, 'report', report.id, file);
        expect(response.statusCode).toBe(400);
        expect(errorOf(response).details).toEqual([{ path: 'file', message: expect.stringContaining('JPG、PNG') }]);
        expect(storedFiles().length).toBe(before);
      });

      it('a JPEG header over garbage → 400 (not a readable image)', async () => {
        const response = await upload(unit, 'report', report.id, {
          name: 'broken.jpg',
          type: 'image/jpeg',
          body: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]),
        });
        expect(response.statusCode).toBe(400);
        expect(errorOf(response).details?.[0]?.path).toBe('file');
      });

      it('in English too', async () => {
        const response = await unit.post(
          '/api/v1/attachments',
          multipart({ recordType: 'report', recordId: report.id }, { name: 'x.jpg', type: 'image/jpeg', body: SVG }),
          { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'accept-language': 'en-US' },
        );
        expect(errorOf(response).details?.[0]?.message).toMatch(/Only photos|只能上传/);
      });
    });

    it('refuses 11 MB with 413 while streaming, and keeps no part of it', async () => {
      const before = storedFiles().length;
      const big = Buffer.concat([await jpeg(), Buffer.alloc(11 * 1024 * 1024, 0)]);
      const response = await upload(unit, 'report', report.id, { name: 'huge.jpg', type: 'image/jpeg', body: big });
      expect(response.statusCode).toBe(413);
      expect(errorOf(response)).toMatchObject({ code: 'file_too_large', message: expect.stringContaining('10 MB') });
      expect(errorOf(response).details?.[0]?.path).toBe('file');
      expect(storedFiles().length).toBe(before);
    });

    it('refuses a bad record type or id on its field, and a missing file', async () => {
      const image = await png();
      const badType = await upload(unit, 'lead', report.id, { name: 'a.png', type: 'image/png', body: image });
      expect(errorOf(badType).details?.[0]?.path).toBe('recordType');
      const badId = await upload(unit, 'report', 'not-a-uuid', { name: 'a.png', type: 'image/png', body: image });
      expect(errorOf(badId).details?.[0]?.path).toBe('recordId');
      const none = await upload(unit, 'report', report.id);
      expect(errorOf(none).details?.[0]?.path).toBe('file');
      expect((await anonymous(t().app).get(`/api/v1/attachments?recordType=report&recordId=${report.id}`)).statusCode).toBe(401);
    });

    it('refuses another district’s user and a unit outside a matter with 404, on every route', async () => {
      const { database } = t();
      const [existing] = await database.db.select().from(attachments).where(eq(attachments.recordId, report.id));
      if (!existing) throw new Error('no attachment');
      for (const url of [
        `/api/v1/attachments?recordType=report&recordId=${report.id}`,
        `/api/v1/attachments/${existing.id}/file`,
        `/api/v1/attachments/${existing.id}/thumbnail`,
      ])
        expect((await otherDistrict.get(url)).statusCode, url).toBe(404);
      expect((await otherDistrict.delete(`/api/v1/attachments/${existing.id}`)).statusCode).toBe(404);
      const image = await png();
      const outsider = await upload(otherDistrict, 'report', report.id, { name: 'a.png', type: 'image/png', body: image });
      expect(outsider.statusCode).toBe(404);
      expect(errorOf(outsider).details?.[0]?.path).toBe('recordId');

      // A matter between two other units, about a project the clerk's unit does not lead.
      const elsewhere = await insertUnit(database, { name: `附件外单位${Date.now()}`, regionCode: '370105' });
      const matter = await insertMatter(database, {
        leadUnitId: elsewhere.id,
        raisingUnitId: elsewhere.id,
        raisedBy: await userIdOf(database, 'office'),
      });
      expect((await unit.get(`/api/v1/attachments?recordType=matter&recordId=${matter.id}`)).statusCode).toBe(404);
      expect((await upload(unit, 'matter', matter.id, { name: 'a.png', type: 'image/png', body: image })).statusCode).toBe(404);
      // The office raised it: a party, it attaches and reads.
      const mine = await upload(office, 'matter', matter.id, { name: '督查照片.png', type: 'image/png', body: image });
      expect(mine.statusCode, mine.body).toBe(201);
      const mineId = (mine.json() as { id: string }).id;
      expect((await unit.get(`/api/v1/attachments/${mineId}/file`)).statusCode).toBe(404);
    });

    it('lets a matter’s step cite the matter’s files as its evidence, and refuses any other file with nothing changed', async () => {
      const { database } = t();
      const matter = await insertMatter(database, { leadUnitId: beiyuan, raisedBy: await userIdOf(database, 'office') });
      const photo = await upload(unit, 'matter', matter.id, { name: '现场照片.png', type: 'image/png', body: await png() });
      expect(photo.statusCode, photo.body).toBe(201);
      const photoId = (photo.json() as { id: string }).id;
      const [reportFile] = await database.db.select().from(attachments).where(eq(attachments.recordId, report.id));
      if (!reportFile) throw new Error('no report attachment');
      type Detail = { version: number; entries: { kind: string; attachmentIds: string[] }[] };
      const read = async () => (await unit.get(`/api/v1/matters/${matter.id}`)).json() as Detail;
      const before = await read();

      // A file of another record (the report's) is not the matter's: 400 naming the item, the step not taken.
      const stranger = await unit.post(`/api/v1/matters/${matter.id}/accept`, {
        version: before.version,
        attachmentIds: [photoId, reportFile.id],
      });
      expect(stranger.statusCode).toBe(400);
      expect(errorOf(stranger).details).toEqual([{ path: 'attachmentIds.1', message: '该附件不是本事项的附件，或已被删除' }]);
      expect(await read()).toEqual(before);

      const accepted = await unit.post(`/api/v1/matters/${matter.id}/accept`, {
        version: before.version,
        attachmentIds: [photoId, photoId],
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      const after = await read();
      expect(after.entries.at(-1)).toMatchObject({ kind: 'accept', attachmentIds: [photoId] });
      expect((await lastAuditEvent(database, 'matters.accept'))?.after).toMatchObject({ attachmentIds: [photoId] });
    });

    it('limits the files of one record', async () => {
      const { database } = t();
      const target = await insertProject(database, { name: `附件上限${Date.now()}`, leadUnitId: beiyuan });
      const image = await png();
      for (let i = 0; i < MAX_ATTACHMENTS_PER_RECORD; i += 1) {
        const response = await upload(office, 'project', target.id, { name: `p${i}.png`, type: 'image/png', body: image });
        expect(response.statusCode, response.body).toBe(201);
      }
      const over = await upload(office, 'project', target.id, { name: 'one-more.png', type: 'image/png', body: image });
      expect(over.statusCode).toBe(409);
      expect(errorOf(over)).toMatchObject({
        code: 'too_many_attachments',
        details: [{ path: 'file', message: expect.stringContaining('20') }],
      });
      const list = (await office.get(`/api/v1/attachments?recordType=project&recordId=${target.id}`)).json() as Listed;
      expect(list.items).toHaveLength(MAX_ATTACHMENTS_PER_RECORD);
      expect(list.abilities.add).toBe(false);
    });

    it('deletes: the uploader while the report is editable, the office always, nobody else; files and audit follow', async () => {
      const { database } = t();
      const image = await png();
      const theirs = await upload(unit, 'report', report.id, { name: 'mine.png', type: 'image/png', body: image });
      const officeFile = await upload(office, 'report', report.id, { name: 'office.png', type: 'image/png', body: image });
      const [theirsId, officeId] = [theirs, officeFile].map((r) => (r.json() as { id: string }).id) as [string, string];
      // The clerk may not delete the office's file; the list says so.
      const seen = (await unit.get(`/api/v1/attachments?recordType=report&recordId=${report.id}`)).json() as Listed;
      expect(seen.items.find((i) => i.id === officeId)?.abilities.delete).toBe(false);
      expect(seen.items.find((i) => i.id === theirsId)?.abilities.delete).toBe(true);
      expect((await unit.delete(`/api/v1/attachments/${officeId}`)).statusCode).toBe(403);

      // Once submitted the report is no longer the clerk's to change: no adding, no deleting his own.
      await database.db.update(progressReports).set({ status: 'submitted' }).where(eq(progressReports.id, report.id));
      expect((await unit.delete(`/api/v1/attachments/${theirsId}`)).statusCode).toBe(403);
      const late = await upload(unit, 'report', report.id, { name: 'late.png', type: 'image/png', body: image });
      expect(late.statusCode).toBe(403);
      expect(errorOf(late).details?.[0]?.path).toBe('recordId');

      const [row] = await database.db.select().from(attachments).where(eq(attachments.id, theirsId));
      expect((await office.delete(`/api/v1/attachments/${theirsId}`)).statusCode).toBe(200);
      expect(storedFiles()).not.toContain(row?.storedName);
      expect(storedFiles()).not.toContain(row?.thumbnailName);
      const event = await lastAuditEvent(database, 'attachments.delete', theirsId);
      expect(event?.before).toMatchObject({ fileName: 'mine.png', recordId: report.id });
      expect((await office.get(`/api/v1/attachments/${theirsId}/file`)).statusCode).toBe(404);
      await database.db.update(progressReports).set({ status: 'draft' }).where(eq(progressReports.id, report.id));
    });
  },
  { dataDir },
);
