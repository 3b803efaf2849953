import type { EnterpriseKind, EnterpriseSize } from '../enums';

/**
 * The conditions of a preferential policy (惠企政策): each list is "any of", an empty list is no condition, and all
 * the conditions given must hold. `industryCodes` names GB/T 4754 sections (C 制造业) or divisions (34 通用设备制造业);
 * a section takes in its divisions. `regionCodes` names GB/T 2260 regions the enterprise's headquarters must lie in.
 * `localOnly`: only the district's own enterprises (not the targets it courts).
 */
export type PolicyConditions = {
  tags: string[];
  industryCodes: string[];
  sizes: EnterpriseSize[];
  regionCodes: string[];
  localOnly: boolean;
};

/** What the matcher reads of an enterprise. */
export type FitCandidate = {
  kind: EnterpriseKind;
  tags: readonly string[];
  industryCode: string | null;
  /** The section (门类) of its industry division, when the industry is a division. */
  industrySection: string | null;
  size: EnterpriseSize | null;
  /** The tree path of its headquarters region (`370000/370100/370105/`), or null when unknown or abroad. */
  hqRegionPath: string | null;
};

export type FitCondition = 'local' | 'tags' | 'industry' | 'size' | 'region';
export type PolicyFit = { fits: boolean; matched: FitCondition[]; failed: FitCondition[] };

/**
 * Whether a policy fits an enterprise, and why: the conditions it meets and those it fails. An enterprise whose
 * industry, size or headquarters is unknown fails a condition on it (nobody is told of a policy on a guess).
 */
export function policyFits(conditions: PolicyConditions, enterprise: FitCandidate): PolicyFit {
  const matched: FitCondition[] = [];
  const failed: FitCondition[] = [];
  const check = (condition: FitCondition, applies: boolean, holds: () => boolean) => {
    if (!applies) return;
    (holds() ? matched : failed).push(condition);
  };
  check('local', conditions.localOnly, () => enterprise.kind === 'local');
  check('tags', conditions.tags.length > 0, () => conditions.tags.some((tag) => enterprise.tags.includes(tag)));
  check('industry', conditions.industryCodes.length > 0, () =>
    conditions.industryCodes.some(
      (code) => code === enterprise.industryCode || (enterprise.industrySection !== null && code === enterprise.industrySection),
    ),
  );
  check('size', conditions.sizes.length > 0, () => enterprise.size !== null && conditions.sizes.includes(enterprise.size));
  check('region', conditions.regionCodes.length > 0, () => {
    const path = enterprise.hqRegionPath;
    return path !== null && conditions.regionCodes.some((code) => path.split('/').includes(code));
  });
  return { fits: failed.length === 0, matched, failed };
}
