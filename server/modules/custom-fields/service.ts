import { eq, isNull, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import { MAX_CUSTOM_FIELDS, type customFieldCreateBody, type customFieldUpdateBody } from '../../../common/schemas/custom-fields';
import type { Executor, Tx } from '../../db/client';
import { customFieldDefs, projects } from '../../db/schema';
import type { Actor, RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import { assertIfMatch } from '../../lib/http';
import type { MessageKey } from '../../lib/messages';
import { enabledDictionaryEntries } from '../projects';
import { districtOf } from '../regions';
import { districtInReach } from '../../lib/scope';
import { lockDistrictFields, resolveDistrict } from './district';
import {
  type CustomFieldRow,
  countDistrictFields,
  countProjectsWithValue,
  definitionOf,
  findCustomField,
  keyTaken,
  valueEquals,
} from './repository';
import { updateAtVersion } from '../../lib/versioned';

type CreateInput = z.infer<typeof customFieldCreateBody>;
type UpdateInput = z.infer<typeof customFieldUpdateBody>;
type Params = Record<string, string | number>;

/** A refusal because projects already hold values that the change would orphan or reinterpret (409, naming the field). */
const inUse = (messageKey: MessageKey, params: Params, path?: string) =>
  new AppError(409, 'custom_field_in_use', messageKey, params, path ? [{ path, messageKey, params }] : []);

/** One definition the actor may see (its district is his, above or below him), or 404. */
export async function findVisibleCustomField(db: Executor, actor: Actor, id: string): Promise<CustomFieldRow> {
  const row = await findCustomField(db, id);
  const district = row ? await districtOf(db, row.regionCode) : null;
  if (!row || !district || !districtInReach(actor, district.path)) throw notFound();
  return row;
}

/** A choice field needs its options, each once; the other types have none. */
function checkOptions(type: CustomFieldRow['type'], options: string[]) {
  if (type !== 'choice') {
    if (options.length) throw invalidField('options', 'customField.options_only_for_choice');
    return;
  }
  if (!options.length) throw invalidField('options', 'customField.options_required');
  options.forEach((option, i) => {
    if (options.indexOf(option) !== i) throw invalidField(`options.${i}`, 'customField.options_duplicate', { option });
  });
}

async function checkCategory(db: Executor, categoryCode: string | null) {
  if (!categoryCode) return;
  const [found] = await enabledDictionaryEntries(db, [{ type: 'project_category', code: categoryCode }]);
  if (!found) throw invalidField('categoryCode', 'customField.category_unknown', { code: categoryCode });
}

/** Defines a new custom field for projects of a district (the caller's own unless named), audited. */
export async function createCustomField({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: CreateInput }): Promise<CustomFieldRow> {
  const district = await resolveDistrict(tx, ctx.actor, input.regionCode, 'regionCode');
  await lockDistrictFields(tx, district.code);
  if (await keyTaken(tx, district.code, input.key)) {
    throw new AppError(409, 'conflict', 'customField.duplicate_key', { key: input.key }, [
      { path: 'key', messageKey: 'customField.duplicate_key', params: { key: input.key } },
    ]);
  }
  if ((await countDistrictFields(tx, district.code)) >= MAX_CUSTOM_FIELDS) {
    throw new AppError(422, 'too_many_fields', 'customField.too_many', { max: MAX_CUSTOM_FIELDS });
  }
  const options = input.options ?? [];
  checkOptions(input.type, options);
  const categoryCode = input.categoryCode ?? null;
  await checkCategory(tx, categoryCode);
  const [created] = await tx
    .insert(customFieldDefs)
    .values({
      regionCode: district.code,
      categoryCode,
      key: input.key,
      label: input.label,
      labelEn: input.labelEn,
      type: input.type,
      options,
      required: input.required ?? false,
      sortOrder: input.sortOrder ?? 0,
    })
    .returning();
  if (!created) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'custom_fields.create',
    recordType: 'custom_field',
    recordId: created.id,
    regionCode: district.code,
    after: definitionOf(created),
  });
  return created;
}

/**
 * Refuses a change that would leave stored values meaning something else: a new type, a removed option still
 * chosen, or a category that excludes projects holding values. Labels, order and "required" change freely.
 */
async function assertValuesSurvive(
  tx: Executor,
  current: CustomFieldRow,
  next: { type: string; options: string[]; categoryCode: string | null },
) {
  const { regionCode, key } = current;
  if (next.type !== current.type) {
    const count = await countProjectsWithValue(tx, regionCode, key);
    if (count) throw inUse('customField.in_use_type', { count }, 'type');
  }
  if (next.type === 'choice') {
    for (const option of current.options.filter((o) => !next.options.includes(o))) {
      const count = await countProjectsWithValue(tx, regionCode, key, valueEquals(key, option));
      if (count) throw inUse('customField.option_in_use', { option, count }, 'options');
    }
  }
  if (next.categoryCode && next.categoryCode !== current.categoryCode) {
    const elsewhere = or(isNull(projects.categoryCode), ne(projects.categoryCode, next.categoryCode));
    const count = await countProjectsWithValue(tx, regionCode, key, elsewhere);
    if (count) throw inUse('customField.category_in_use', { count }, 'categoryCode');
  }
}

/** Edits a definition (the key stays: values are filed under it); a stale version answers 409. Audited. */
export async function updateCustomField({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: UpdateInput;
}): Promise<CustomFieldRow> {
  const current = await findVisibleCustomField(tx, ctx.actor, id);
  await lockDistrictFields(tx, current.regionCode);
  if (current.version !== input.version) throw staleVersion();
  const type = input.type ?? current.type;
  // Options belong to choice fields: changing to another type without sending options clears them.
  const options = input.options ?? (type === 'choice' ? current.options : []);
  const categoryCode = input.categoryCode === undefined ? current.categoryCode : input.categoryCode;
  checkOptions(type, options);
  if (categoryCode !== current.categoryCode) await checkCategory(tx, categoryCode);
  await assertValuesSurvive(tx, current, { type, options, categoryCode });
  const updated = await updateAtVersion(
    tx,
    customFieldDefs,
    { key: customFieldDefs.id, keyValue: id, version: input.version },
    {
      categoryCode,
      label: input.label ?? current.label,
      labelEn: input.labelEn ?? current.labelEn,
      type,
      options,
      required: input.required ?? current.required,
      sortOrder: input.sortOrder ?? current.sortOrder,
    },
  );
  await recordAudit(tx, ctx, {
    action: 'custom_fields.update',
    recordType: 'custom_field',
    recordId: id,
    regionCode: current.regionCode,
    ...changedFields(definitionOf(current), definitionOf(updated)),
  });
  return updated;
}

/**
 * Deletes a definition no project holds a value for. While values exist the answer is 409 with their number: the
 * values are data someone entered, and deleting the definition would leave them unreadable and unexported.
 */
export async function deleteCustomField({
  ctx,
  tx,
  id,
  ifMatch,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  ifMatch: string | string[] | undefined;
}) {
  const current = await findVisibleCustomField(tx, ctx.actor, id);
  await lockDistrictFields(tx, current.regionCode);
  assertIfMatch(ifMatch, current.version);
  const count = await countProjectsWithValue(tx, current.regionCode, current.key);
  if (count) throw inUse('customField.in_use_delete', { count });
  await tx.delete(customFieldDefs).where(eq(customFieldDefs.id, id));
  await recordAudit(tx, ctx, {
    action: 'custom_fields.delete',
    recordType: 'custom_field',
    recordId: id,
    regionCode: current.regionCode,
    before: definitionOf(current),
  });
}
