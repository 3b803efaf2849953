import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from '../../../../../common/domain/audit';
import { enUS } from '../../../i18n/en-US';
import { zhCN } from '../../../i18n/zh-CN';

// Every action the server writes (the list `recordAudit` accepts) and every kind of record it writes about reads
// as words on the audit page, in both languages: a write added without its words fails here.
describe('the audit page’s words for what the server records', () => {
  for (const [language, catalog] of [
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const) {
    it(`names every audit action in ${language}`, () => {
      const missing = AUDIT_ACTIONS.filter((action) => !Object.hasOwn(catalog, `auditAction.${action}`));
      expect(missing).toEqual([]);
    });
    it(`names every kind of record in ${language}`, () => {
      const missing = AUDIT_RECORD_TYPES.filter((type) => !Object.hasOwn(catalog, `recordType.${type}`));
      expect(missing).toEqual([]);
    });
  }
  it('words an action differently from its code', () => {
    for (const action of AUDIT_ACTIONS) {
      expect((zhCN as Record<string, string>)[`auditAction.${action}`]).not.toBe(action);
      expect((zhCN as Record<string, string>)[`auditAction.${action}`]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
