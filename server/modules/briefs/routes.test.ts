import { beforeAll, expect, it } from 'vitest';
import type { Project } from '../../../common/schemas/projects';
import { type Client, OTHER_REGION, anonymous, describeEachDatabase, signInAs } from '../../test/harness';
import { buildProject, placeInPool } from '../../test/factories';
import { zipEntry } from '../../test/zip-entry';

describeEachDatabase('project summary (项目简介) as Word', (t) => {
  let office: Client;
  let unitStaff: Client;
  let project: Project;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
    project = await buildProject(office, t().database, {
      name: '天桥<b>智造</b> & "数字"港',
      code: '2024-370105-35-03-771234',
      ownerName: '济南天桥智造发展有限公司',
      constructionContent: '新建研发楼及标准化厂房 8 万平方米',
      totalInvestmentYuan: 350_000_000,
      plannedStart: '2025-03-01',
      plannedCompletion: '2027-12-31',
      chainCode: 'med_devices',
      chainSegment: 'midstream',
      chainNode: '体外诊断设备',
      expectedOutputYuan: 800_000_000,
      expectedTaxYuan: 48_000_000,
    });
    const version = await placeInPool(t().database, project.id, 'implementing');
    const plan = await office.post(`/api/v1/projects/${project.id}/plan/apply-template`, {
      templateId: await firstTemplateId(office),
      version,
    });
    expect(plan.statusCode, plan.body).toBe(200);
  });

  async function firstTemplateId(client: Client): Promise<string> {
    const templates = (await client.get('/api/v1/plan-templates')).json() as { items: { id: string }[] };
    return templates.items[0]?.id ?? '';
  }

  it('downloads a Word document whose text holds the project’s name (as text) and code', async () => {
    const response = await office.get(`/api/v1/projects/${project.id}/summary.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain('filename="project-summary-2024-370105-35-03-771234.docx"');
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('项目简介-天桥_b_智造__b_ & _数字_港.docx');

    const xml = await zipEntry(response.rawPayload, 'word/document.xml');
    // The name's markup characters are escaped text, never elements of the document.
    expect(xml).toContain('天桥&lt;b&gt;智造&lt;/b&gt; &amp; &quot;数字&quot;港');
    expect(xml).not.toContain('<b>智造');
    for (const text of [
      '2024-370105-35-03-771234',
      '济南天桥智造发展有限公司',
      '35,000.00万元',
      '项目简介',
      '区住房和城乡建设局',
      // The planning track: the place on the chain and the output and tax expected.
      '医疗器械 · 中游 · 体外诊断设备',
      '80,000.00万元',
      '4,800.00万元',
    ]) {
      expect(xml).toContain(text);
    }
    // The plan's next milestones are listed (the template's first open ones).
    expect(xml).toMatch(/最迟\d{4}-\d{2}-\d{2}完成/);
  });

  it('answers 404 outside the reader’s scope and for an unknown id, 401 signed out', async () => {
    expect((await unitStaff.get(`/api/v1/projects/${project.id}/summary.docx`)).statusCode).toBe(404);
    const otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    expect((await otherAdmin.get(`/api/v1/projects/${project.id}/summary.docx`)).statusCode).toBe(404);
    expect((await office.get('/api/v1/projects/00000000-0000-4000-8000-000000000000/summary.docx')).statusCode).toBe(404);
    expect((await anonymous(t().app).get(`/api/v1/projects/${project.id}/summary.docx`)).statusCode).toBe(401);
  });
});
