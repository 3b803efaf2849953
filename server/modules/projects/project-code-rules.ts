import { type ProjectCodeProblem, normaliseProjectCode, parseProjectCode } from '../../../common/domain/project-code';
import { invalidField } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import type { ProjectReferences } from './project-references';

/** The message that names the segment at fault, so the user knows which part of the code to fix. */
function problemMessage(problem: ProjectCodeProblem): MessageKey {
  if (problem.segment === 0) return 'projectCode.shape';
  if (problem.reason === 'region_unknown') return 'projectCode.segment2.region_unknown';
  return `projectCode.segment${problem.segment}.${problem.reason === 'digits' ? 'digits' : 'shape'}`;
}

/**
 * Reads a 项目代码 as typed or pasted: normalised, shape checked, segment 2 a region of the GB/T 2260 table.
 * Answers the stored form and the region it names; a bad code is a 400 on `code` naming the wrong segment.
 */
export async function readProjectCode(
  refs: Pick<ProjectReferences, 'regionExists'>,
  input: string,
): Promise<{ code: string; regionCode: string }> {
  const candidate = normaliseProjectCode(input).split('-')[1] ?? '';
  // One lookup of the one region the code can name, so the table is never loaded and is always current.
  const known = /^\d{6}$/.test(candidate) && (await refs.regionExists(candidate));
  const result = parseProjectCode(input, (code) => known && code === candidate);
  if (result.ok) return { code: result.code, regionCode: result.regionCode };
  const segment = result.problem.segment;
  const value = segment === 0 ? '' : (normaliseProjectCode(input).split('-')[segment - 1] ?? '');
  throw invalidField('code', problemMessage(result.problem), { value });
}
