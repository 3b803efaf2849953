import { z } from 'zod';
import { CUSTOM_FIELD_KEY, CUSTOM_FIELD_TYPES } from '../domain/custom-fields';
import { abilities, listQuery, text, uuid, version } from './shared';

/** The most fields one district may define: forms and list columns stay usable, the list fits one page. */
export const MAX_CUSTOM_FIELDS = 200;
export const MAX_CHOICE_OPTIONS = 100;

const districtCode = z.string().regex(/^\d{6}$/, 'format.regionCode');
const categoryCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{1,16}$/, 'format.code');

export const customFieldSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  /** The project category the field belongs to; null for every category. */
  categoryCode: z.string().nullable(),
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string()),
  required: z.boolean(),
  sortOrder: z.number(),
  /** How many projects of the district hold a value for the field; null for readers who may not manage fields. */
  projectCount: z.number().nullable(),
  version: z.number(),
  abilities,
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldListQuery = listQuery.extend({
  /** The district whose fields to list; the caller's own district when left out. */
  regionCode: districtCode.optional(),
  /** Only the fields a project of this category shows (its own and those of every category). */
  categoryCode: categoryCode.optional(),
});

const definitionFields = {
  categoryCode: categoryCode.nullable(),
  label: text(50),
  labelEn: text(100),
  type: z.enum(CUSTOM_FIELD_TYPES),
  /** The values of a choice field in display order (each trimmed, unique); empty for other types. */
  options: z.array(text(100)).max(MAX_CHOICE_OPTIONS),
  required: z.boolean(),
  sortOrder: z.number().int().min(0).max(1_000_000),
};

export const customFieldCreateBody = z.strictObject({
  /** The district the field belongs to; the caller's own district when left out. */
  regionCode: districtCode.optional(),
  key: z.string().regex(CUSTOM_FIELD_KEY, 'format.customFieldKey'),
  ...definitionFields,
  categoryCode: definitionFields.categoryCode.optional(),
  options: definitionFields.options.optional(),
  required: definitionFields.required.optional(),
  sortOrder: definitionFields.sortOrder.optional(),
});
/** Everything but the key (what stored values are filed under) may change; send the version. */
export const customFieldUpdateBody = z.strictObject(definitionFields).partial().extend({ version });
export const customFieldIdParam = z.strictObject({ id: uuid });
