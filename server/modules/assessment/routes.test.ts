import { beforeAll, expect, it } from 'vitest';
import { DEMO_FORMULA } from '../../../common/domain/formula';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

type Preview = {
  year: number;
  month: number;
  items: {
    unitId: string;
    unitName: string;
    value: number | null;
    error: string | null;
    terms: { text: string; value: number; inputs: { name: string; value: number | boolean }[] }[];
    variables: Record<string, number>;
  }[];
  notes: string[];
};
type FormulaRefusal = {
  error: { code: string; message: string; details: { path: string; message: string; line: number; column: number }[] };
};

describeEachDatabase('assessment API: the formula editor', (t) => {
  let office: Client;
  let unit: Client;
  const zh = { 'accept-language': 'zh-CN' };
  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
  });

  it('checks a formula: the variables it names, in the reader’s language', async () => {
    const response = await office.post('/api/v1/assessment/formula/check', { formula: DEMO_FORMULA }, zh);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.ok).toBe(true);
    expect(body.variables.map((v: { name: string }) => v.name)).toContain('reports_on_time_ratio');
    expect(body.variables.find((v: { name: string }) => v.name === 'red_months').label).toBe('红灯月数');
  });

  it('points a syntax error at its line and column', async () => {
    const response = await office.post('/api/v1/assessment/formula/check', { formula: '10 * red_months\n+ 5 * (late_reports' }, zh);
    expect(response.statusCode).toBe(422);
    const body: FormulaRefusal = response.json();
    expect(body.error.code).toBe('formula_invalid');
    expect(body.error.details).toHaveLength(1);
    expect(body.error.details[0]).toMatchObject({ path: 'formula', line: 2 });
    expect(body.error.details[0]?.column).toBeGreaterThan(1);
  });

  it('names an unknown variable and where it starts', async () => {
    const formula = 'red_months + 投资增速';
    const zhBody: FormulaRefusal = (await office.post('/api/v1/assessment/formula/check', { formula }, zh)).json();
    expect(zhBody.error.details[0]).toMatchObject({ path: 'formula', line: 1, column: 14 });
    expect(zhBody.error.details[0]?.message).toContain('投资增速');
  });

  it('previews a formula for each unit of the district: deterministic, each value the sum of its explained terms', async () => {
    const body = { formula: DEMO_FORMULA, year: 2026, month: 11 };
    const first = await office.post('/api/v1/assessment/formula/preview', body, zh);
    expect(first.statusCode, first.body).toBe(200);
    const preview: Preview = first.json();
    expect(preview.items.length).toBeGreaterThan(1);
    for (const item of preview.items) {
      expect(item.error).toBeNull();
      const sum = item.terms.reduce((total, term) => total + term.value, 0);
      expect(item.value).toBeCloseTo(sum, 9);
      expect(item.variables.reports_on_time_ratio).toBeGreaterThanOrEqual(0);
      expect(item.variables.reports_on_time_ratio).toBeLessThanOrEqual(1);
    }
    // Variables without a source are named in a note.
    expect(preview.notes.join()).toContain('投资完成率');
    const again: Preview = (await office.post('/api/v1/assessment/formula/preview', body, zh)).json();
    expect(again.items).toEqual(preview.items);
  });

  it('evaluates plain variables per unit as computed, with no note when every variable has a source', async () => {
    const preview: Preview = (
      await office.post('/api/v1/assessment/formula/preview', { formula: 'red_months + late_reports', year: 2026, month: 11 }, zh)
    ).json();
    for (const item of preview.items)
      expect(item.value).toBe((item.variables.red_months ?? Number.NaN) + (item.variables.late_reports ?? Number.NaN));
    expect(preview.notes).toEqual([]);
  });

  it('refuses a formula in the preview as in the check, and is for those who set targets', async () => {
    const refused = await office.post('/api/v1/assessment/formula/preview', { formula: '1 +', year: 2026, month: 11 });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('formula_invalid');
    expect((await unit.post('/api/v1/assessment/formula/check', { formula: '1' })).statusCode).toBe(403);
  });
});
