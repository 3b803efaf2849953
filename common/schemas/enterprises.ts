import { z } from 'zod';
import { ENTERPRISE_KINDS, ENTERPRISE_SIZES, LISTING_STAGES } from '../enums';
import { regionCode } from './organisation';
import { csv, dictionaryCode } from './projects';
import { abilities, listQuery, optionalText, text, version } from './shared';

export { ENTERPRISE_KINDS, ENTERPRISE_SIZES, LISTING_STAGES };

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, 'format.phone');

/** A contact person of an enterprise: name, phone, role (法定代表人, 联系人 …). */
export const enterpriseContact = z.strictObject({
  name: text(50),
  phone: phone.nullable().default(null),
  role: optionalText(50).nullable().default(null),
});

const enterpriseFields = {
  name: text(200),
  /** The 统一社会信用代码 as typed or pasted: checked and normalised by the server (common/domain/uscc.ts). */
  uscc: z.string().max(40).nullable(),
  kind: z.enum(ENTERPRISE_KINDS),
  /** Registered outside mainland China: only then may a target enterprise have no USCC. */
  abroad: z.boolean(),
  tags: z.array(dictionaryCode).max(20),
  listingStage: z.enum(LISTING_STAGES).nullable(),
  /** 大型, 中型, 小型, 微型 (the statistics bureau's rule), when known. */
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  industryCode: dictionaryCode.nullable(),
  hqRegionCode: regionCode.nullable(),
  contacts: z.array(enterpriseContact).max(20),
};

export const enterpriseCreateBody = z.strictObject({
  ...enterpriseFields,
  uscc: enterpriseFields.uscc.default(null),
  abroad: enterpriseFields.abroad.default(false),
  tags: enterpriseFields.tags.default([]),
  listingStage: enterpriseFields.listingStage.default(null),
  size: enterpriseFields.size.default(null),
  industryCode: enterpriseFields.industryCode.default(null),
  hqRegionCode: enterpriseFields.hqRegionCode.default(null),
  contacts: enterpriseFields.contacts.default([]),
  /** The district whose register it goes into; the reader's own district when left out. */
  regionCode: regionCode.optional(),
});
export type EnterpriseCreateBody = z.infer<typeof enterpriseCreateBody>;

export const enterpriseUpdateBody = z
  .strictObject({ ...enterpriseFields, version })
  .partial()
  .required({ version: true });
export type EnterpriseUpdateBody = z.infer<typeof enterpriseUpdateBody>;

export const enterpriseSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(ENTERPRISE_KINDS),
  abroad: z.boolean(),
  tags: z.array(z.string()),
  listingStage: z.enum(LISTING_STAGES).nullable(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  hqRegionCode: z.string().nullable(),
  hqRegionName: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), phone: z.string().nullable(), role: z.string().nullable() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** An enterprise already in the register whose name is close to the one just created (a possible duplicate). */
export const enterpriseWarning = z.object({ similarTo: z.object({ id: z.string(), name: z.string() }) });

export const enterpriseCreatedSchema = enterpriseSchema.extend({ warnings: z.array(enterpriseWarning) });

/** q: a piece of the name, its pinyin initials, or the start of the USCC; tag and industry accept several. */
export const enterpriseListQuery = listQuery.extend({
  tag: csv(dictionaryCode).optional(),
  industryCode: csv(dictionaryCode).optional(),
  kind: z.enum(ENTERPRISE_KINDS).optional(),
});
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuery>;

/** The register's export takes the list's filters and order; every matching enterprise, no paging. */
export const enterpriseExportQuery = enterpriseListQuery.omit({ page: true, pageSize: true });
export type EnterpriseExportQuery = z.infer<typeof enterpriseExportQuery>;
