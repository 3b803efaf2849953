import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageParams, formatMessage } from '../../../i18n';
import { enUS } from '../../../i18n/en-US';
import { zhCN } from '../../../i18n/zh-CN';
import { type EventFacts, auditSummary, eventSentence } from './event-sentence';

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
  it('says a change in one sentence, the record’s name standing for the project’s', () => {
    const event = { ...fact('projects.update', 'project', { isCityKey: false }, { isCityKey: true }), recordName: '白金广场城市更新项目' };
    expect(auditSummary(event, context)).toBe('修改了项目“白金广场城市更新项目”：市级重点 否 → 是');
  });
  it('says a creation or a deletion by its action alone', () => {
    const created = { ...fact('users.create', 'user', null, { username: 'e2e_clerk' }), recordName: '孙丽' };
    expect(auditSummary(created, context)).toBe('新建用户');
    const unknown = { ...fact('something.new', 'thing', { a: 1 }, null), recordName: null };
    expect(auditSummary(unknown, context)).toBe('something.new');
  });
  it('says a change of fields without words by its action, leaving the fields to the expanded row', () => {
    const escalated = {
      ...fact('matters.escalate', 'matter', { escalationLevel: 'none' }, { escalationLevel: 'unit_head' }),
      recordName: null,
    };
    expect(auditSummary(escalated, context)).toBe('逾期升级督办');
    expect(auditSummary(escalated, context)).not.toContain('escalationLevel');
  });
});
