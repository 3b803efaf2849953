import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { planTemplateBody } from '../../../common/schemas/tracks';
import type { Tx } from '../../db/client';
import { dictionaryItems, planTemplates } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { findPlanTemplate, type PlanTemplateRow } from './repository';
import { templateItems } from './template-items';

type TemplateInput = z.infer<typeof planTemplateBody>;
type TemplateItemInput = TemplateInput['items'][number];
type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };

/** The approval item types of the dictionary in use, by code, with their names in the actor's language. */
async function enabledApprovalTypes(tx: Tx, codes: string[], locale: string): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ code: dictionaryItems.code, name: dictionaryItems.name, nameEn: dictionaryItems.nameEn })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.type, 'approval_item_type'), eq(dictionaryItems.enabled, true), inArray(dictionaryItems.code, codes)));
  return new Map(rows.map((r) => [r.code, locale === 'en-US' ? r.nameEn : r.name]));
}

/**
 * What a template's milestones must meet: predecessors earlier in the list (so a template has no cycle), one 开工 and
 * one 竣工 at most (the pool gates and the header's dates look for one), each approval item type bound once, to a
 * milestone that is not 开工/竣工 (those take the project's planned dates), and only types of the dictionary in use.
 */
async function checkTemplateItems(tx: Tx, items: TemplateItemInput[], locale: string): Promise<Detail[]> {
  const details: Detail[] = [];
  const codes = [...new Set(items.flatMap((item) => (item.approvalTypeCode ? [item.approvalTypeCode] : [])))];
  const known = await enabledApprovalTypes(tx, codes, locale);
  const firstBound = new Map<string, number>();
  const kindsSeen = new Set<string>();
  items.forEach((item, i) => {
    if (item.predecessors.some((p) => p >= i))
      details.push({ path: `items.${i}.predecessors`, messageKey: 'plan.template_predecessor_later' });
    if (item.kind !== 'other' && kindsSeen.has(item.kind)) {
      details.push({ path: `items.${i}.kind`, messageKey: item.kind === 'start' ? 'plan.second_start' : 'plan.second_completion' });
    }
    kindsSeen.add(item.kind);
    const code = item.approvalTypeCode;
    if (!code) return;
    const path = `items.${i}.approvalTypeCode`;
    if (item.kind !== 'other') details.push({ path, messageKey: 'plan.template_approval_on_date' });
    else if (!known.has(code)) details.push({ path, messageKey: 'plan.approval_type_unknown' });
    const other = firstBound.get(code);
    if (other === undefined) firstBound.set(code, i);
    else {
      const type = known.get(code) ?? code;
      details.push({
        path,
        messageKey: 'plan.template_approval_twice',
        params: { type, other: other + 1, name: items[other]?.name ?? '' },
      });
    }
  });
  return details;
}

/** What the stored JSON keeps of a milestone (an unbound one says so with null, as migration 0027 expects). */
const stored = (item: TemplateItemInput) => ({
  name: item.name,
  kind: item.kind,
  durationDays: item.durationDays,
  predecessors: [...new Set(item.predecessors)],
  approvalTypeCode: item.approvalTypeCode ?? null,
});

/**
 * Replaces a plan template's milestones (names, order, durations, predecessors, bindings) at the version the editor
 * read. Refused whole with 422 `plan_template_invalid` naming each field at fault; audited `plan_templates.update`.
 * Plans made from the template before keep their milestones: a template is where a new plan starts.
 */
export async function updatePlanTemplate({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: TemplateInput;
}): Promise<PlanTemplateRow> {
  const current = await findPlanTemplate(tx, id);
  if (!current) throw notFound();
  const details = await checkTemplateItems(tx, input.items, ctx.actor.locale);
  if (details.length > 0) {
    throw new AppError(422, 'plan_template_invalid', 'error.plan_template_invalid', { name: current.name }, details);
  }
  const items = input.items.map(stored);
  const [saved] = await tx
    .update(planTemplates)
    .set({ items, version: sql`${planTemplates.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(planTemplates.id, id), eq(planTemplates.version, input.version)))
    .returning();
  if (!saved) throw staleVersion();
  await recordAudit(tx, ctx, {
    action: 'plan_templates.update',
    recordType: 'plan_template',
    recordId: id,
    before: { name: current.name, items: templateItems(current) },
    after: { name: saved.name, items },
  });
  return saved;
}
