import { APPROVAL_STATUSES, APPROVAL_TYPES, CHAIN_SEGMENTS, FEASIBILITY_STATUSES, NATURES } from '../../../../common/schemas/projects';
import { projectsEnUS } from '../../../../web/src/i18n/projects.en-US';
import { projectsZhCN } from '../../../../web/src/i18n/projects.zh-CN';
import type { ListEntry } from './lookups';

// The lists that are enums of the contract, named as the page names them (one set of labels for page and sheet).
const labelled = (
  prefix: 'nature' | 'approvalType' | 'approvalStatus' | 'feasibilityStatus' | 'chainSegment',
  codes: readonly string[],
): ListEntry[] =>
  codes.map((code) => {
    const key = `${prefix}.${code}` as keyof typeof projectsZhCN;
    return { code, name: projectsZhCN[key], nameEn: projectsEnUS[key] };
  });

export const FIXED_LISTS = {
  nature: labelled('nature', NATURES),
  approval_type: labelled('approvalType', APPROVAL_TYPES),
  approval_status: labelled('approvalStatus', APPROVAL_STATUSES),
  feasibility_status: labelled('feasibilityStatus', FEASIBILITY_STATUSES),
  chain_segment: labelled('chainSegment', CHAIN_SEGMENTS),
  yes_no: [
    { code: 'yes', name: '是', nameEn: 'Yes', aliases: ['Y', 'TRUE', '1', '√', '✓'] },
    { code: 'no', name: '否', nameEn: 'No', aliases: ['N', 'FALSE', '0', '×', '✗'] },
  ],
} satisfies Record<string, ListEntry[]>;
