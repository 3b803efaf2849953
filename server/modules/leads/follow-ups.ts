import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/domain/dates';
import type { FollowUpCreateBody } from '../../../common/schemas/leads';
import type { Tx } from '../../db/client';
import { leadFollowUps, leads } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { invalid, manageableLead, reloaded, touchLead } from './service';

/**
 * Logs a contact with a lead (跟进记录), audited: the day, how, what was said, the next step. It answers the lead (the
 * first contact), restarts its follow-up clock (the latest contact) and, when the referrer was told, meets the feedback
 * clock. A contact in the future is refused (400 on `on`).
 */
export async function addFollowUp({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: FollowUpCreateBody }) {
  const lead = await manageableLead(tx, ctx, id, null);
  if (input.on > todayInChina()) throw invalid([{ path: 'on', messageKey: 'lead.date_future' }]);
  const [entry] = await tx
    .insert(leadFollowUps)
    .values({ leadId: id, ...input, nextStep: input.nextStep?.trim() || null, authorId: ctx.actor.userId })
    .returning();
  if (!entry) throw new Error('follow-up not written');
  await touchLead(tx, id, {
    firstContactOn: sql`least(coalesce(${leads.firstContactOn}, ${input.on}::date), ${input.on}::date)`,
    lastContactOn: sql`greatest(coalesce(${leads.lastContactOn}, ${input.on}::date), ${input.on}::date)`,
    ...(input.toReferrer ? { feedbackOn: sql`least(coalesce(${leads.feedbackOn}, ${input.on}::date), ${input.on}::date)` } : {}),
  });
  await recordAudit(tx, ctx, {
    action: 'leads.follow_up',
    recordType: 'lead',
    recordId: id,
    regionCode: lead.regionCode,
    after: { followUpId: entry.id, on: entry.on, way: entry.way, text: entry.text, nextStep: entry.nextStep, toReferrer: entry.toReferrer },
  });
  return reloaded(tx, ctx, id);
}
