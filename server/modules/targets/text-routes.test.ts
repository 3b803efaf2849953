import { beforeAll, expect, it } from 'vitest';
import { TARGET_TEXT_ROUTE_MAX } from '../../../common/schemas/target-text';
import { type Client, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

// Adapted from 汉滨区2025年政府工作报告 (https://www.hanbin.gov.cn/Content-2810991.html) and the examples: a review sentence, then targets.
const passage =
  '过去一年，实现地区生产总值440.5亿元、增长5.4%。\n' +
  '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，实施重点项目133个、总投资1.2万亿元，新开工项目50个以上，' +
  '完成老旧小区改造12万平方米。';

type Extracted = {
  rows: { name: string; value: number; unit: string; kind: string; sentence: string }[];
  reason: string | null;
  reasonText: string | null;
  indicators: {
    name: string;
    measure: string | null;
    targetValue: string;
    qualifier: string;
    direction: string;
    kind: string;
    sentence: string;
  }[];
  pledges: { title: string; measure: string | null; targetValue: string; sentence: string }[];
};

describeEachDatabase('targets API: targets from text', (t) => {
  let office: Client;
  let unit: Client;
  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
  });

  it('reads a real passage into rows and proposes indicator and pledge rows in the create routes’ terms', async () => {
    const response = await office.post('/api/v1/targets/extract', { text: passage });
    expect(response.statusCode, response.body).toBe(200);
    const body: Extracted = response.json();
    expect(body.reason).toBeNull();
    expect(body.rows.find((r) => r.value === 440.5)?.kind).toBe('actual');
    const growth = body.indicators.find((i) => i.name === '地区生产总值增长');
    expect(growth).toMatchObject({ measure: 'percent', targetValue: '6', qualifier: 'about', direction: 'at_least', kind: 'growth' });
    expect(growth?.sentence).toContain('6%左右');
    // 1.2万亿元 becomes 12000 亿元; 50个以上 keeps 以上.
    const rows = [...body.indicators.map((i) => [i.targetValue, i.measure]), ...body.pledges.map((p) => [p.targetValue, p.measure])];
    expect(rows).toContainEqual(['12000', 'yi_yuan']);
    expect(
      body.indicators.concat().some((i) => i.targetValue === '50' && i.qualifier === 'above') ||
        body.pledges.some((p) => p.targetValue === '50'),
    ).toBe(true);
    expect(body.pledges.find((p) => p.title.includes('老旧小区'))).toMatchObject({ measure: 'wan_m2', targetValue: '12' });
    // Nothing of last year is proposed.
    expect(body.indicators.some((i) => i.targetValue === '440.5')).toBe(false);
  });

  it('answers text with no numbers with an empty list and the reason', async () => {
    const response = await office.post(
      '/api/v1/targets/extract',
      { text: '坚持稳中求进工作总基调，推动高质量发展。' },
      { 'accept-language': 'zh-CN' },
    );
    expect(response.statusCode).toBe(200);
    const body: Extracted = response.json();
    expect(body).toMatchObject({ rows: [], indicators: [], pledges: [], reason: 'no_numbers' });
    expect(body.reasonText).toContain('没有数字');
  });

  it('refuses a text one character over 200,000, naming the limit, in the user’s language', async () => {
    const text = '新'.repeat(TARGET_TEXT_ROUTE_MAX + 1);
    const response = await office.post('/api/v1/targets/extract', { text });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response);
    expect(error.details?.[0]?.path).toBe('text');
    expect(error.details?.[0]?.message).toContain('200,000');
    const exactly = await office.post('/api/v1/targets/extract', { text: text.slice(1) });
    expect(exactly.statusCode).toBe(200);
  });

  it('is for those who set targets', async () => {
    expect((await unit.post('/api/v1/targets/extract', { text: passage })).statusCode).toBe(403);
  });
});
