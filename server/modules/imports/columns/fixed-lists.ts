import { type EnumLabels, type EnumName, enumLabel } from '../../../../common/labels';
import {
  APPROVAL_STATUSES,
  APPROVAL_TYPES,
  CARRIER_USES,
  CHAIN_SEGMENTS,
  ENTERPRISE_KINDS,
  FEASIBILITY_STATUSES,
  LEAD_METHODS,
  LEAD_STAGES,
  LISTING_STAGES,
  NATURES,
  PARCEL_STATUSES,
  POOLS,
} from '../../../../common/enums';
import type { ListEntry } from './lookups';

// The lists that are enums of the contract, named as the page names them (one set of labels for page and sheet).
const labelled = <E extends EnumName>(name: E, codes: readonly (keyof EnumLabels[E] & string)[]): ListEntry[] =>
  codes.map((code) => ({ code, name: enumLabel('zh-CN', name, code), nameEn: enumLabel('en-US', name, code) }));

export const FIXED_LISTS = {
  nature: labelled('nature', NATURES),
  approval_type: labelled('approvalType', APPROVAL_TYPES),
  approval_status: labelled('approvalStatus', APPROVAL_STATUSES),
  feasibility_status: labelled('feasibilityStatus', FEASIBILITY_STATUSES),
  chain_segment: labelled('chainSegment', CHAIN_SEGMENTS),
  // A sheet names a pool as the page does; 竣工投产 and 竣工/投产 are the ledger's words for the completed pool. No
  // project is imported into 退库: it is read (an exported withdrawn project re-imports unchanged) but not offered.
  pool: labelled('pool', POOLS).map((entry) => {
    if (entry.code === 'withdrawn') return { ...entry, inDropDown: false };
    return entry.code === 'completed' ? { ...entry, aliases: ['竣工投产', '竣工/投产', '竣工库'] } : entry;
  }),
  enterprise_kind: labelled('enterpriseKind', ENTERPRISE_KINDS),
  listing_stage: labelled('listingStage', LISTING_STAGES),
  lead_method: labelled('leadMethod', LEAD_METHODS),
  // A sheet records leads at their first stage; the other stages are read (an export re-imports) but not offered.
  lead_stage: labelled('leadStage', LEAD_STAGES).map((entry) => (entry.code === 'lead' ? entry : { ...entry, inDropDown: false })),
  carrier_use: labelled('carrierUse', CARRIER_USES),
  // A parcel enters the inventory in the reserve or available; 已供 is read (an export re-imports) but not offered.
  parcel_status: labelled('parcelStatus', PARCEL_STATUSES).map((entry) =>
    entry.code === 'supplied' ? { ...entry, inDropDown: false } : entry,
  ),
  yes_no: [
    { code: 'yes', name: '是', nameEn: 'Yes', aliases: ['Y', 'TRUE', '1', '√', '✓'] },
    { code: 'no', name: '否', nameEn: 'No', aliases: ['N', 'FALSE', '0', '×', '✗'] },
  ],
} satisfies Record<string, ListEntry[]>;
