import type { z } from 'zod';
import type { DictionaryType, dictionaryCreateBody, dictionaryUpdateBody } from '../../../common/schemas/reference';
import type { Executor, Tx } from '../../db/client';
import { dictionaryItems } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import { type DictionaryItemRow, findDictionaryItem, findDictionaryItemByCode } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type CreateInput = z.infer<typeof dictionaryCreateBody>;
type UpdateInput = z.infer<typeof dictionaryUpdateBody>;

const MAX_DEPTH = 32;

const auditable = (item: DictionaryItemRow) => ({
  type: item.type,
  code: item.code,
  name: item.name,
  nameEn: item.nameEn,
  parentCode: item.parentCode,
  sortOrder: item.sortOrder,
  enabled: item.enabled,
});

/** The parent must be an item of the same dictionary and, when `ownCode` is given, not the item itself or below it. */
async function assertParent(tx: Executor, type: DictionaryType, parentCode: string, ownCode?: string) {
  let code: string | null = parentCode;
  for (let depth = 0; code !== null && depth < MAX_DEPTH; depth++) {
    if (code === ownCode) throw invalidField('parentCode', 'dictionary.cycle');
    const item: DictionaryItemRow | null = await findDictionaryItemByCode(tx, type, code);
    if (!item) {
      if (depth === 0) throw invalidField('parentCode', 'dictionary.parent_unknown');
      return;
    }
    code = item.parentCode;
  }
}

/** Adds an item to a dictionary; codes are unique per dictionary because records store them. */
export async function createDictionaryItem({
  ctx,
  tx,
  type,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  type: DictionaryType;
  input: CreateInput;
}): Promise<DictionaryItemRow> {
  // An empty parent code from a cleared form field means a top-level item.
  const parentCode = input.parentCode || null;
  if (await findDictionaryItemByCode(tx, type, input.code)) throw conflict('dictionary.duplicate_code', 'code');
  if (parentCode) await assertParent(tx, type, parentCode);
  const [created] = await tx
    .insert(dictionaryItems)
    .values({
      type,
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      parentCode,
      sortOrder: input.sortOrder ?? 0,
      enabled: input.enabled ?? true,
    })
    .returning();
  if (!created) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'dictionaries.create',
    recordType: 'dictionary_item',
    recordId: created.id,
    after: auditable(created),
  });
  return created;
}

/** Edits an item; disabling (`enabled: false`) replaces deletion, since records keep referring to the code. */
export async function updateDictionaryItem({
  ctx,
  tx,
  type,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  type: DictionaryType;
  id: string;
  input: UpdateInput;
}): Promise<DictionaryItemRow> {
  const current = await findDictionaryItem(tx, type, id);
  if (!current) throw notFound();
  if (current.version !== input.version) throw staleVersion();
  const parentCode = input.parentCode === undefined ? current.parentCode : input.parentCode || null;
  if (parentCode && parentCode !== current.parentCode) await assertParent(tx, type, parentCode, current.code);
  const updated = await updateAtVersion(
    tx,
    dictionaryItems,
    { key: dictionaryItems.id, keyValue: id, version: input.version },
    {
      name: input.name ?? current.name,
      nameEn: input.nameEn ?? current.nameEn,
      parentCode,
      sortOrder: input.sortOrder ?? current.sortOrder,
      enabled: input.enabled ?? current.enabled,
    },
  );
  await recordAudit(tx, ctx, {
    action: 'dictionaries.update',
    recordType: 'dictionary_item',
    recordId: id,
    ...changedFields(auditable(current), auditable(updated)),
  });
  return updated;
}
