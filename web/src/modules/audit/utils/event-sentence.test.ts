import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageParams, formatMessage } from '../../../i18n';
import { enUS } from '../../../i18n/en-US';
import { zhCN } from '../../../i18n/zh-CN';
import { type EventFacts, type PageEvent, auditSummary, eventSentence } from './event-sentence';

const contextFor = (catalog: Record<MessageKey, string>) => ({
  t: (key: MessageKey, params?: MessageParams) => formatMessage(catalog[key], params),
  tOptional: (key: string, fallback: string, params?: MessageParams) =>
    Object.hasOwn(catalog, key) ? formatMessage(catalog[key as MessageKey], params) : fallback,
  projectName: '电子级化学品生产项目',
  approvalTypeName: (code: string) => (code === 'construct_permit' ? '建筑工程施工许可证' : code),
});
const zh = contextFor(zhCN);

const fact = (
  action: string,
  recordType: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): EventFacts => ({
  action,
  recordType,
  before,
  after,
});

describe('an audit event about a project in one sentence', () => {
  it('words a change of the project’s fields as the audit page does, names in place of ids', () => {
    const event = fact(
      'projects.update',
      'project',
      { isProvincialKey: false, leaderIds: ['王磊'] },
      { isProvincialKey: true, leaderIds: ['王磊', '李娜'] },
    );
    expect(eventSentence(event, zh)).toBe('修改了项目“电子级化学品生产项目”：省级重点 否 → 是；包挂领导 王磊 → 王磊、李娜');
  });

  it('words an approval given with its date, in either language', () => {
    const event = fact(
      'approval_items.update',
      'approval_item',
      { typeCode: 'construct_permit', status: 'in_progress', approvedOn: null },
      { typeCode: 'construct_permit', status: 'done', approvedOn: '2026-09-27' },
    );
    expect(eventSentence(event, zh)).toBe('将建筑工程施工许可证标为已批准（2026-09-27）');
    expect(eventSentence(event, contextFor(enUS))).toBe('Marked 建筑工程施工许可证 approved (2026-09-27)');
  });

  it('words a milestone that followed its approval item', () => {
    const event = fact('plans.approval_followed', 'plan', null, { milestones: [{ name: '施工许可', actualFinish: '2026-09-27' }] });
    expect(eventSentence(event, zh)).toBe('节点随审批事项更新：“施工许可”2026-09-27');
  });
});

describe('the audit page’s summary of an event', () => {
  const { projectName: _, ...context } = zh;
  const en = (({ projectName: _p, ...rest }) => rest)(contextFor(enUS));
  const page = (
    action: string,
    recordType: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
    extra: Partial<PageEvent> = {},
  ): PageEvent => ({ ...fact(action, recordType, before, after), recordName: null, recordProject: null, about: null, ...extra });

  it('says a change in one sentence, the record’s name standing for the project’s', () => {
    const event = page(
      'projects.update',
      'project',
      { isProvincialKey: false },
      { isProvincialKey: true },
      { recordName: '白金广场城市更新项目' },
    );
    expect(auditSummary(event, context)).toBe('修改了项目“白金广场城市更新项目”：省级重点 否 → 是');
    expect(auditSummary(event, en)).toBe('Changed project "白金广场城市更新项目": Provincial key No → Yes');
  });
  it('says a creation, a deletion or a step by its action and the record’s name', () => {
    expect(auditSummary(page('users.create', 'user', null, { username: 'e2e_clerk' }, { recordName: '孙丽' }), context)).toBe(
      '新建用户“孙丽”',
    );
    expect(auditSummary(page('parcels.delete', 'land_parcel', { name: '北园地块' }, null, { recordName: null }), context)).toBe('删除地块');
    expect(auditSummary(page('something.new', 'thing', { a: 1 }, null), context)).toBe('something.new');
  });
  it('says a sign-in without naming the person twice', () => {
    expect(auditSummary(page('auth.sign_in', 'user', null, { method: 'password' }, { recordName: '王磊' }), context)).toBe('登录');
  });
  it('says a change of another record by its name, its ids by the names the server gave', () => {
    const unit = '0b6f3f8e-1d2c-4a5b-9c8d-7e6f5a4b3c2d';
    const enterprise = page(
      'enterprises.update',
      'enterprise',
      { size: 'small' },
      { size: 'medium' },
      { recordName: '山东新材料科技有限公司' },
    );
    expect(auditSummary(enterprise, context)).toBe('修改企业“山东新材料科技有限公司”：企业规模 小型 → 中型');
    const user = page(
      'users.update',
      'user',
      { unitId: null, status: 'active' },
      { unitId: unit, status: 'disabled' },
      { recordName: '孙丽', valueNames: { [unit]: '北园街道办事处' } },
    );
    expect(auditSummary(user, context)).toBe('修改用户“孙丽”：所属单位 （无） → 北园街道办事处；状态 正常 → 已停用');
  });
  it('says a report’s and a matter’s events in their own sentences, from the month and title the server gave', () => {
    const approved = page(
      'progress_reports.approve',
      'progress_report',
      { status: 'submitted' },
      { status: 'approved', investmentYuan: 12_000_000 },
      { recordName: '电子级化学品生产项目', about: { month: '2026-10' } },
    );
    expect(auditSummary(approved, context)).toBe('审核通过了2026年10月月度填报（本月完成投资 1,200.00万元）');
    const closed = page(
      'matters.close',
      'matter',
      { status: 'under_review' },
      { status: 'closed', text: null },
      { about: { title: '供电线路迁改' } },
    );
    expect(auditSummary(closed, context)).toBe('问题“供电线路迁改”已销号');
    expect(auditSummary(closed, en)).toBe('The matter "供电线路迁改" was closed');
  });
  it('names an approval item by its type when its update did not record it', () => {
    const item = page(
      'approval_items.update',
      'approval_item',
      { documentNumber: null },
      { documentNumber: '济天发改〔2026〕12号' },
      { about: { typeCode: 'construct_permit' } },
    );
    expect(auditSummary(item, context)).toBe('修改审批事项“建筑工程施工许可证”：文号 （无） → 济天发改〔2026〕12号');
  });
  it('says a change of fields without words by its action and name, leaving the fields to the expanded row', () => {
    const escalated = page(
      'matters.escalate',
      'matter',
      { escalationLevel: 'none' },
      { escalationLevel: 'unit_head' },
      { about: { title: '供电线路迁改' } },
    );
    expect(auditSummary(escalated, context)).not.toContain('escalationLevel');
    const unknown = page('chains.node_update', 'industry_chain', { weirdKey: 1 }, { weirdKey: 2 }, { recordName: '医疗器械' });
    expect(auditSummary(unknown, context)).toBe('修改产业链环节“医疗器械”');
  });
  it('names the ids a record’s own sentence words, as the server named them', () => {
    const unit = '0b6f3f8e-1d2c-4a5b-9c8d-7e6f5a4b3c2d';
    const raised = page(
      'matters.create',
      'matter',
      null,
      { title: '供电线路迁改', leadUnitId: unit, deadline: '2099-12-31' },
      { about: { title: '供电线路迁改' }, valueNames: { [unit]: '北园街道办事处' } },
    );
    expect(auditSummary(raised, context)).toBe('交办了问题“供电线路迁改”，牵头单位 北园街道办事处，2099-12-31前办结');
  });
});
