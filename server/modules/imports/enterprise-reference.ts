import type { MessageKey } from '../../lib/messages';
import type { EnterpriseSheetNames } from '../enterprises';

/** A row's two enterprise cells (the leads and visits sheets): the 统一社会信用代码 first, else the name. */
export type EnterpriseCells = { enterprise?: unknown; enterpriseUscc?: unknown };

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The column a fault of the API's `enterpriseId` belongs to: the code's when the row gives one, else the name's. */
export const enterpriseColumnKey = (cells: EnterpriseCells) => (filled(cells.enterpriseUscc) ? 'enterpriseUscc' : 'enterprise');

/**
 * The district register's enterprise a row names — by its credit code when given (preferred), else by its name — or
 * null when the row names none. A code or name the register does not hold, or a name several enterprises share, is
 * reported through `problem` at its column (and answers null).
 */
export function enterpriseOfRow(
  names: EnterpriseSheetNames,
  cells: EnterpriseCells,
  problem: (field: string, code: MessageKey, params: Record<string, string>) => void,
): string | null {
  if (filled(cells.enterpriseUscc)) {
    const id = names.enterpriseOfUscc(cells.enterpriseUscc);
    if (!id) problem('enterpriseUscc', 'import.enterprise_uscc_unknown', { value: cells.enterpriseUscc.trim() });
    return id;
  }
  if (!filled(cells.enterprise)) return null;
  const ids = names.enterprisesNamed(cells.enterprise);
  if (ids.length !== 1) {
    const code = ids.length ? 'import.enterprise_ambiguous' : 'import.enterprise_unknown';
    problem('enterprise', code, { value: cells.enterprise.trim() });
    return null;
  }
  return ids[0] ?? null;
}
