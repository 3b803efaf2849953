import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../../../common/schemas/reference';
import { changeRows } from './change-rows';

const WORDS: Record<string, string> = {
  'level.provincial': '省级重点',
  'project.totalInvestment': '总投资',
  'project.nature': '项目性质',
  'project.namedLists': '所属清单',
  'common.yes': '是',
  'common.no': '否',
  'money.wan': '万元',
  'audit.empty': '（无）',
  'nature.continuing': '续建',
  'nature.new_start': '新开工',
};
const t = ((key: string) => WORDS[key] ?? key) as Parameters<typeof changeRows>[1]['t'];
const tOptional = (key: string, fallback: string) => WORDS[key] ?? fallback;

const event = (recordType: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditEvent => ({
  id: '1',
  at: '2026-12-06T00:00:00Z',
  actorId: null,
  actorName: '王磊',
  ip: null,
  requestId: null,
  action: 'projects.update',
  recordType,
  recordId: 'p1',
  recordName: '电子级化学品生产项目',
  before,
  after,
});

describe('changeRows', () => {
  it('words a project change as the page shows values: labels, 是/否, 万元 and enum names', () => {
    const rows = changeRows(
      event(
        'project',
        { isProvincialKey: false, totalInvestmentYuan: 120_000_000, nature: 'continuing', namedLists: [] },
        { isProvincialKey: true, totalInvestmentYuan: 130_000_000, nature: 'new_start', namedLists: ['省重大项目'] },
      ),
      { t, tOptional },
    );
    expect(rows.map((r) => [r.label, r.before, r.after])).toEqual([
      ['省级重点', '否', '是'],
      ['总投资', '12,000.00 万元', '13,000.00 万元'],
      ['项目性质', '续建', '新开工'],
      ['所属清单', '（无）', '省重大项目'],
    ]);
  });

  it('lists what a creation set, leaves unchanged fields out, and keeps an unknown field by its key', () => {
    const created = changeRows(event('project', null, { isCityKey: false }), { t, tOptional });
    // (the test's catalog has no word for level.city, so the key stands in for it)
    expect(created).toEqual([{ key: 'isCityKey', label: 'level.city', before: '—', after: '否' }]);
    const unchanged = changeRows(event('unit', { name: '甲', shortName: '乙' }, { name: '甲', shortName: '丙' }), { t, tOptional });
    expect(unchanged).toEqual([{ key: 'shortName', label: 'shortName', before: '乙', after: '丙' }]);
  });
});
