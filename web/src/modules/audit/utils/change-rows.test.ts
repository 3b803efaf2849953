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
  'project.needsLand': '需要新增用地',
  'project.needsLand.unstated': '未填',
};
const t = ((key: string) => WORDS[key] ?? key) as Parameters<typeof changeRows>[1]['t'];
const tOptional = (key: string, fallback: string) => WORDS[key] ?? fallback;

const event = (recordType: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditEvent => ({
  id: '1',
  at: '2026-12-06T00:00:00Z',
  actorId: null,
  actorName: 'wanglei',
  actorDisplayName: '王磊',
  ip: null,
  requestId: null,
  action: 'projects.update',
  recordType,
  recordId: 'p1',
  recordName: '电子级化学品生产项目',
  recordProject: null,
  about: null,
  valueNames: {},
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

  it('words 需要新增用地 not stated as 未填, not as an empty field', () => {
    const rows = changeRows(event('project', { needsLand: null }, { needsLand: true }), { t, tOptional });
    expect(rows.map((r) => [r.before, r.after])).toEqual([['未填', '是']]);
    const other = changeRows(event('funding_line', { needsLand: null }, { needsLand: true }), { t, tOptional });
    expect(other.map((r) => r.before)).toEqual(['（无）']);
  });

  it('lists what a creation set, leaves unchanged fields out, and keeps an unknown field by its key', () => {
    const created = changeRows(event('project', null, { isCityKey: false }), { t, tOptional });
    // (the test's catalog has no word for level.city, so the key stands in for it)
    expect(created).toEqual([{ key: 'isCityKey', label: 'level.city', before: '—', after: '否' }]);
    const unchanged = changeRows(event('unit', { name: '甲', shortName: '乙' }, { name: '甲', shortName: '丙' }), { t, tOptional });
    expect(unchanged).toEqual([{ key: 'shortName', label: 'shortName', before: '乙', after: '丙' }]);
  });

  it('words other records’ fields: enum values by their names, codes by the dictionary, ids by the names the server gave', () => {
    const words: Record<string, string> = {
      ...WORDS,
      'auditField.status': '状态',
      'auditField.leadUnitId': '牵头单位',
      'auditField.sourceCode': '资金来源',
      'auditField.receivedYuan': '到位金额',
      'auditField.progressPercent': '形象进度',
      'matterStatus.assigned': '已交办',
      'matterStatus.accepted': '已签收',
      'reportStatus.submitted': '已报送',
      'reportStatus.approved': '已审核',
    };
    const translators = {
      t: ((key: string) => words[key] ?? key) as Parameters<typeof changeRows>[1]['t'],
      tOptional: (key: string, fallback: string) => words[key] ?? fallback,
      dictionaryName: (type: string, code: string) => (type === 'funding_source' && code === 'fiscal' ? '财政资金' : code),
    };
    const unit = '0b6f3f8e-1d2c-4a5b-9c8d-7e6f5a4b3c2d';
    const matter = {
      recordType: 'matter',
      before: { status: 'assigned', leadUnitId: null },
      after: { status: 'accepted', leadUnitId: unit },
      valueNames: { [unit]: '区住房和城乡建设局' },
    };
    expect(changeRows(matter, translators).map((r) => [r.label, r.before, r.after])).toEqual([
      ['状态', '已交办', '已签收'],
      ['牵头单位', '（无）', '区住房和城乡建设局'],
    ]);
    const report = { recordType: 'progress_report', before: { status: 'submitted' }, after: { status: 'approved', progressPercent: 40 } };
    expect(changeRows(report, translators).map((r) => [r.label, r.before, r.after])).toEqual([
      ['状态', '已报送', '已审核'],
      ['形象进度', '—', '40%'],
    ]);
    const line = { recordType: 'funding_line', before: null, after: { sourceCode: 'fiscal', receivedYuan: 5_000_000 } };
    expect(changeRows(line, translators).map((r) => r.after)).toEqual(['财政资金', '500.00 万元']);
    // An id the server did not name (outside the reader's scope) stays as recorded.
    const unnamed = { recordType: 'matter', before: { leadUnitId: null }, after: { leadUnitId: unit } };
    expect(changeRows(unnamed, translators)[0]?.after).toBe(unit);
  });
});
