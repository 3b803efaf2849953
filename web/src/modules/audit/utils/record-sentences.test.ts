import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageParams, formatMessage } from '../../../i18n';
import { enUS } from '../../../i18n/en-US';
import { zhCN } from '../../../i18n/zh-CN';
import { eventSentence } from './event-sentence';
import { type RecordFacts, recordSentence, sentenceNamesActor } from './record-sentences';

const translators = (catalog: Record<MessageKey, string>) => ({
  t: (key: MessageKey, params?: MessageParams) => formatMessage(catalog[key], params),
  tOptional: (key: string, fallback: string) => (Object.hasOwn(catalog, key) ? catalog[key as MessageKey] : fallback),
});
const zh = translators(zhCN);
const en = translators(enUS);
const clerk = '张伟（北园街道）';
const office = '李明（重点项目办）';

const report = (action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null): RecordFacts => ({
  action,
  before,
  after,
  about: { month: '2026-10' },
});
const matter = (action: string, after: Record<string, unknown> | null, before: Record<string, unknown> | null = null): RecordFacts => ({
  action,
  before,
  after,
  about: { title: '供电线路迁改' },
});

describe('a monthly report’s events in words', () => {
  const submitted = report('progress_reports.submit', { status: 'draft' }, { status: 'submitted', investmentYuan: 12_000_000 });
  it('says who submitted which month and what was invested, in 万元', () => {
    expect(recordSentence(submitted, { ...zh, actorName: clerk })).toBe(
      '张伟（北园街道） 提交了2026年10月月度填报（本月完成投资 1,200.00万元）',
    );
    expect(recordSentence(submitted, { ...en, actorName: clerk })).toBe(
      '张伟（北园街道） submitted the monthly report for 10/2026 (invested this month: 1,200.00 ×10k yuan)',
    );
  });
  it('says a submission after a return is a resubmission', () => {
    const again = report('progress_reports.submit', { status: 'returned' }, { status: 'submitted', investmentYuan: 12_000_000 });
    expect(recordSentence(again, { ...zh, actorName: clerk })).toBe(
      '张伟（北园街道） 重新提交了2026年10月月度填报（本月完成投资 1,200.00万元）',
    );
    expect(recordSentence(again, { ...en, actorName: clerk })).toContain('resubmitted the monthly report for 10/2026');
  });
  it('says an approval and a return with its reason', () => {
    const approved = report('progress_reports.approve', { status: 'submitted' }, { status: 'approved', investmentYuan: 5_000 });
    expect(recordSentence(approved, { ...zh, actorName: office })).toBe(
      '李明（重点项目办） 审核通过了2026年10月月度填报（本月完成投资 0.50万元）',
    );
    const returned = report('progress_reports.return', { status: 'submitted' }, { status: 'returned', returnReason: '形象进度照片缺失' });
    expect(recordSentence(returned, { ...zh, actorName: office })).toBe('李明（重点项目办） 退回了2026年10月月度填报：形象进度照片缺失');
    expect(recordSentence(returned, { ...en, actorName: office })).toBe(
      '李明（重点项目办） returned the monthly report for 10/2026: 形象进度照片缺失',
    );
  });
  it('says a report owed, filled in and taken off the list', () => {
    const owed = report('progress_reports.create', null, { status: 'draft', responsibleUnitId: '北园街道办事处' });
    expect(recordSentence(owed, { ...zh, actorName: office })).toBe(
      '李明（重点项目办） 将项目列入2026年10月月度填报，由北园街道办事处填报',
    );
    expect(recordSentence(owed, en)).toBe('Put the project on the monthly report list for 10/2026, to be filled in by 北园街道办事处');
    const filled = report('progress_reports.update', { investmentYuan: null }, { investmentYuan: 12_000_000 });
    expect(recordSentence(filled, { ...zh, actorName: clerk })).toBe(
      '张伟（北园街道） 填写了2026年10月月度填报（本月完成投资 1,200.00万元）',
    );
    const removed = { action: 'progress_reports.delete', before: { status: 'draft' }, after: null };
    expect(recordSentence(removed, { ...zh, actorName: office })).toBe('李明（重点项目办） 将项目移出月度填报');
  });
  it('leaves out what it does not know: no author, month, amount or reason', () => {
    const bare = { action: 'progress_reports.return', before: null, after: null };
    expect(recordSentence(bare, zh)).toBe('退回了月度填报');
    expect(recordSentence(bare, en)).toBe('Returned the monthly report');
    const noMonth = {
      action: 'progress_reports.submit',
      before: { status: 'draft' },
      after: { investmentYuan: null },
      about: { month: 'soon' },
    };
    expect(recordSentence(noMonth, { ...zh, actorName: '' })).toBe('提交了月度填报');
  });
});

describe('a matter’s events in words', () => {
  it('says who raised it, the lead unit and the deadline', () => {
    const raised = matter('matters.create', { title: '供电线路迁改', leadUnitId: '区住建局', deadline: '2026-11-30' });
    expect(recordSentence(raised, { ...zh, actorName: office })).toBe(
      '李明（重点项目办） 交办了问题“供电线路迁改”，牵头单位 区住建局，2026-11-30前办结',
    );
    expect(recordSentence(raised, { ...en, actorName: office })).toBe(
      '李明（重点项目办） assigned the matter "供电线路迁改", led by 区住建局, due 2026-11-30',
    );
  });
  it('says each step of its loop, with what was written', () => {
    const said = (action: string, text: string | null = null) =>
      recordSentence(matter(action, { status: 'x', text }), { ...zh, actorName: '王强（区住建局）' });
    expect(said('matters.accept')).toBe('王强（区住建局） 签收了问题“供电线路迁改”');
    expect(said('matters.start')).toBe('王强（区住建局） 开始办理问题“供电线路迁改”');
    expect(said('matters.contribute', '已协调供电公司')).toBe('王强（区住建局） 就问题“供电线路迁改”提出配合意见：已协调供电公司');
    expect(said('matters.feedback', '线路已迁改')).toBe('王强（区住建局） 反馈了问题“供电线路迁改”的办理结果：线路已迁改');
    expect(said('matters.submit_review')).toBe('王强（区住建局） 将问题“供电线路迁改”提交复核');
    expect(said('matters.send_back', '缺少验收单')).toBe('王强（区住建局） 复核退回了问题“供电线路迁改”：缺少验收单');
  });
  it('says a closed matter without its author, who the line below names', () => {
    const closed = matter('matters.close', { status: 'closed', text: null });
    expect(recordSentence(closed, { ...zh, actorName: office })).toBe('问题“供电线路迁改”已销号');
    expect(recordSentence(closed, en)).toBe('The matter "供电线路迁改" was closed');
    expect(sentenceNamesActor('matters.close')).toBe(false);
    expect(sentenceNamesActor('matters.accept')).toBe(true);
  });
  it('says a reassignment and an escalation', () => {
    const moved = matter(
      'matters.reassign',
      { leadUnitId: '区交通局', deadline: '2026-12-15', reason: '职责调整' },
      { leadUnitId: '区住建局' },
    );
    expect(recordSentence(moved, { ...zh, actorName: office })).toBe(
      '李明（重点项目办） 将问题“供电线路迁改”改派给区交通局，2026-12-15前办结：职责调整',
    );
    const escalated = matter('matters.escalate', { escalationLevel: 'leader_in_charge' }, { escalationLevel: 'unit_head' });
    expect(recordSentence(escalated, zh)).toBe('问题“供电线路迁改”逾期未办结，升级由分管领导督办');
    expect(recordSentence(escalated, en)).toMatch(/^The matter "供电线路迁改" is overdue and was escalated to the /);
  });
  it('leaves out a title it does not know', () => {
    const closed = { action: 'matters.close', before: null, after: null };
    expect(recordSentence(closed, zh)).toBe('问题已销号');
    expect(recordSentence({ action: 'matters.escalate', before: null, after: null }, zh)).toBe('问题逾期未办结，升级督办');
  });
});

describe('a milestone bound to its approval item in words', () => {
  const bound = (actualFinish: string | null) => ({
    action: 'plans.milestone_bound',
    before: null,
    after: { approvalTypeCode: 'construct_permit', milestones: [{ name: '施工许可', actualFinish }] },
  });
  it('names the milestone and the date it takes', () => {
    expect(recordSentence(bound('2026-09-27'), zh)).toBe('节点“施工许可”按审批事项绑定，完成日期取 2026-09-27');
    expect(recordSentence(bound('2026-09-27'), en)).toBe(
      'Milestone "施工许可" bound to its approval item; finish date taken as 2026-09-27',
    );
  });
  it('says when the item is not approved yet, and degrades without milestones', () => {
    expect(recordSentence(bound(null), zh)).toBe('节点“施工许可”按审批事项绑定，审批事项尚未批准，节点暂未完成');
    expect(recordSentence({ action: 'plans.milestone_bound', before: null, after: null }, zh)).toBe('节点按审批事项绑定');
  });
});

describe('the timeline’s sentence for these events', () => {
  const context = { ...zh, projectName: '电子级化学品生产项目', approvalTypeName: (code: string) => code };
  it('uses the record’s own sentence and keeps other events as they were', () => {
    const submitted = {
      ...report('progress_reports.submit', { status: 'draft' }, { investmentYuan: 12_000_000 }),
      recordType: 'progress_report',
    };
    expect(eventSentence(submitted, { ...context, actorName: clerk })).toBe(
      '张伟（北园街道） 提交了2026年10月月度填报（本月完成投资 1,200.00万元）',
    );
    const other = {
      action: 'funding_lines.update',
      recordType: 'funding_line',
      before: { receivedYuan: 0 },
      after: { receivedYuan: 5_000_000 },
    };
    expect(recordSentence(other, zh)).toBeNull();
    expect(eventSentence(other, context)).toBe('修改资金来源：到位金额 0.00 万元 → 500.00 万元');
  });
});
