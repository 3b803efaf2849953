import { USCC_NATIONAL_DIVISION, type UsccProblem, normaliseUscc, parseUscc } from '../../../common/domain/uscc';
import type { Executor } from '../../db/client';
import { invalidField } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { regionExists } from '../projects';

const messageOf = (problem: UsccProblem): MessageKey => `uscc.${problem.code}`;

/**
 * Whether positions 3–8 of a USCC name a region: one of the GB/T 2260 table, or the nation (100000, registered by the
 * national authority). A code keeps the region it was issued in for life, so a district merged away since (its code
 * gone from the table) is accepted when its province is known.
 */
async function divisionKnown(db: Executor, division: string): Promise<boolean> {
  if (division === USCC_NATIONAL_DIVISION) return true;
  return (await regionExists(db, division)) || (await regionExists(db, `${division.slice(0, 2)}0000`));
}

/**
 * Reads a 统一社会信用代码 as typed or pasted (common/domain/uscc.ts): answers its canonical form, or a 400 on
 * `uscc` whose message names the position at fault and why.
 */
export async function readUscc(db: Executor, input: string): Promise<string> {
  const candidate = normaliseUscc(input).slice(2, 8);
  const known = /^\d{6}$/.test(candidate) && (await divisionKnown(db, candidate));
  const result = parseUscc(input, (division) => known && division === candidate);
  if (result.ok) return result.code;
  throw invalidField('uscc', messageOf(result.problem), result.problem.params);
}
