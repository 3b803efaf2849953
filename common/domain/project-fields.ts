// Who may change which field of a project (DOMAIN.md "Roles"): the project office governs a project's standing — its
// levels and named lists, its nature, its investment totals (and the investment completed before Lantu, which counts towards
// every since-start figure without an approved report), its leader in charge and its lead unit — while the lead
// unit keeps the day-to-day facts (contact, construction content, site, dates, approvals, funding). Changing a governed
// field needs `project.govern` on top of `project.update`; the pool and the annual plan's baseline have their own
// permissions (project.move, project.freeze_plan).

/** The fields of a project only a holder of `project.govern` may change (项目办管控字段). */
export const GOVERNED_PROJECT_FIELDS = [
  'isProvincialKey',
  'isCityKey',
  'isDistrictKey',
  'namedLists',
  'nature',
  'totalInvestmentYuan',
  'fixedAssetInvestmentYuan',
  'openingCompletedYuan',
  'openingCompletedAsOf',
  'leadUnitId',
  'leaderIds',
] as const;
export type GovernedProjectField = (typeof GOVERNED_PROJECT_FIELDS)[number];

type GovernedValues = { [F in GovernedProjectField]: unknown };

/** A list whose order carries no meaning (lists, leaders), compared as a set. */
const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].map(String).sort() : (value ?? null));

/** The governed fields whose value differs between a project as stored and as it would be written. */
export function governedFieldsChanged(before: GovernedValues, after: GovernedValues): GovernedProjectField[] {
  return GOVERNED_PROJECT_FIELDS.filter((field) => comparable(before[field]) !== comparable(after[field]));
}
