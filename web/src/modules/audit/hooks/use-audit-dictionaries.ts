import type { DictionaryType } from '../../../../../common/enums';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';

/** The dictionaries whose codes audit events record (an approval item's type, a funding source …), by name in the reader's language. */
export function useAuditDictionaries(): (type: DictionaryType, code: string) => string {
  const byType: Partial<Record<DictionaryType, (code: string) => string>> = {
    approval_item_type: useDictionaryOptions('approval_item_type').label,
    funding_source: useDictionaryOptions('funding_source').label,
    problem_category: useDictionaryOptions('problem_category').label,
    industry: useDictionaryOptions('industry').label,
    industry_chain: useDictionaryOptions('industry_chain').label,
  };
  return (type, code) => byType[type]?.(code) ?? code;
}
