import {
  type CustomFieldDef,
  type CustomValueProblem,
  type CustomValues,
  customFieldLabel,
  validateCustomValues,
} from '../../../common/domain/custom-fields';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { shareDistrictFields } from './district';
import { districtCustomFields } from './repository';

/**
 * One problem of a custom value as an error detail: path `customValues.<key>`, and a message naming the field by its
 * label in the reader's language (`{label}`), or by its key when it is no field of the category. The import uses
 * this too, with its own path.
 */
export function customValueProblemDetail(problem: CustomValueProblem, defs: readonly CustomFieldDef[], locale: Locale) {
  const def = defs.find((d) => d.key === problem.key);
  return {
    path: `customValues.${problem.key}`,
    messageKey: `customValue.${problem.code}` as const satisfies MessageKey,
    params: { ...problem.params, key: problem.key, label: def ? customFieldLabel(def, locale) : problem.key },
  };
}

/**
 * Checks a project's custom values against its district's definitions for its category, and answers them in stored
 * form; every problem at once otherwise, as 422 `custom_values_invalid` with one detail per field.
 */
export async function checkProjectCustomValues(
  tx: Executor,
  locale: Locale,
  project: { regionCode: string; categoryCode: string | null; values: Readonly<Record<string, unknown>> },
): Promise<CustomValues> {
  // Shared with other saves, exclusive against a definition being changed or deleted while this one is stored.
  await shareDistrictFields(tx, project.regionCode);
  const defs = await districtCustomFields(tx, project.regionCode);
  const result = validateCustomValues(defs, project.categoryCode, project.values);
  if ('values' in result) return result.values;
  const details = result.problems.map((p) => customValueProblemDetail(p, defs, locale));
  throw new AppError(422, 'custom_values_invalid', 'customValue.invalid', {}, details);
}
