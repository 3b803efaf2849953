import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { channelCreateBody, channelUpdateBody, RemindResult } from '../../../common/schemas/notifications';
import type { Db, Tx } from '../../db/client';
import { notificationAllowedHosts, notificationChannels, reportReminders } from '../../db/schema/notifications';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import { normaliseHost } from '../../lib/notify/outgoing-target';
import { findUnit } from '../units';
import { findPeriod, missingByUnit } from '../reports';
import { checkChannelSettings, outgoingPolicy } from './channels';
import { logTestDelivery, sendThrough } from './deliver';
import { notify, render, titleOf } from './notify';
import { type ChannelRow, findChannel } from './repository';
import { encryptSettings, maskedTarget } from './secrets';

export type ChannelOwner = { unitId: string } | { userId: string };

const auditable = (row: ChannelRow) => ({
  unitId: row.unitId,
  userId: row.userId,
  kind: row.kind,
  label: row.label,
  target: row.target,
  enabled: row.enabled,
});

/** The unit named in the path when it lies in the actor's data scope, else 404. */
export async function unitInScope(tx: Tx | Db, ctx: RequestContext, unitId: string) {
  const unit = await findUnit(tx, ctx.actor, unitId);
  if (!unit) throw notFound();
  return unit;
}

/** Creates a channel of a unit or of the actor himself, its settings checked (addresses resolved) and encrypted. */
export async function createChannel({
  ctx,
  tx,
  owner,
  input,
  secret,
}: {
  ctx: RequestContext;
  tx: Tx;
  owner: ChannelOwner;
  input: z.infer<typeof channelCreateBody>;
  secret: string;
}): Promise<ChannelRow> {
  await checkChannelSettings(input.settings, await outgoingPolicy(tx));
  const id = randomUUID();
  const [row] = await tx
    .insert(notificationChannels)
    .values({
      id,
      unitId: 'unitId' in owner ? owner.unitId : null,
      userId: 'userId' in owner ? owner.userId : null,
      kind: input.settings.kind,
      label: input.label,
      target: maskedTarget(input.settings),
      settingsEncrypted: encryptSettings(secret, id, input.settings),
      enabled: input.enabled,
      createdBy: ctx.actor.userId,
    })
    .returning();
  if (!row) throw new Error('channel insert returned nothing');
  await recordAudit(tx, ctx, {
    action: 'notification_channels.create',
    recordType: 'notification_channel',
    recordId: id,
    after: auditable(row),
  });
  return row;
}

/** Changes a channel at the version read: label, on/off, or the settings entered again in full. */
export async function updateChannel({
  ctx,
  tx,
  owner,
  id,
  input,
  secret,
}: {
  ctx: RequestContext;
  tx: Tx;
  owner: ChannelOwner;
  id: string;
  input: z.infer<typeof channelUpdateBody>;
  secret: string;
}): Promise<ChannelRow> {
  const before = await findChannel(tx, owner, id);
  if (!before) throw notFound();
  if (input.settings && input.settings.kind !== before.kind) throw invalidField('settings.kind', 'notification.channel_kind_fixed');
  if (input.settings) await checkChannelSettings(input.settings, await outgoingPolicy(tx));
  const [row] = await tx
    .update(notificationChannels)
    .set({
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.settings ? { target: maskedTarget(input.settings), settingsEncrypted: encryptSettings(secret, id, input.settings) } : {}),
      version: sql`${notificationChannels.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notificationChannels.id, id), eq(notificationChannels.version, input.version)))
    .returning();
  if (!row) throw staleVersion();
  await recordAudit(tx, ctx, {
    action: 'notification_channels.update',
    recordType: 'notification_channel',
    recordId: id,
    before: auditable(before),
    after: { ...auditable(row), settingsChanged: Boolean(input.settings) },
  });
  return row;
}

export async function deleteChannel({ ctx, tx, owner, id }: { ctx: RequestContext; tx: Tx; owner: ChannelOwner; id: string }) {
  const before = await findChannel(tx, owner, id);
  if (!before) throw notFound();
  await tx.delete(notificationChannels).where(eq(notificationChannels.id, id));
  await recordAudit(tx, ctx, {
    action: 'notification_channels.delete',
    recordType: 'notification_channel',
    recordId: id,
    before: auditable(before),
  });
}

/**
 * "Send test": a real delivery through the channel now (switched on or not), its outcome answered in the reader's
 * language and kept in the delivery log. Not retried.
 */
export async function sendTest({
  ctx,
  db,
  owner,
  id,
  secret,
}: {
  ctx: RequestContext;
  db: Db;
  owner: ChannelOwner;
  id: string;
  secret: string;
}) {
  const channel = await findChannel(db, owner, id);
  if (!channel) throw notFound();
  const locale = channel.userId ? ctx.actor.locale : 'zh-CN';
  const message = { title: titleOf(locale, 'channel_test'), text: render(locale, 'notification.test', { label: channel.label }) };
  const result = await sendThrough(channel, message, secret, await outgoingPolicy(db));
  const logUnitId = channel.unitId ?? ctx.actor.unitId;
  await db.transaction(async (tx) => {
    await logTestDelivery(tx, { ...channel, logUnitId }, message, result, new Date());
    await recordAudit(tx, ctx, {
      action: 'notification_channels.test',
      recordType: 'notification_channel',
      recordId: id,
      after: { ok: result.ok, status: result.status },
    });
  });
  return {
    ok: result.ok,
    status: result.status,
    message: result.ok ? render(ctx.actor.locale, 'notification.test_sent') : render(ctx.actor.locale, result.messageKey, result.params),
    detail: result.detail,
  };
}

/** Replaces the administrator's list of allowed intranet hosts. */
export async function replaceAllowedHosts({ ctx, tx, hosts }: { ctx: RequestContext; tx: Tx; hosts: string[] }) {
  const before = (await tx.select().from(notificationAllowedHosts)).map((r) => r.host).sort();
  const after = [...new Set(hosts.map(normaliseHost))].sort();
  await tx.delete(notificationAllowedHosts);
  if (after.length) await tx.insert(notificationAllowedHosts).values(after.map((host) => ({ host, createdBy: ctx.actor.userId })));
  await recordAudit(tx, ctx, {
    action: 'notification_allowed_hosts.update',
    recordType: 'setting',
    before: { hosts: before },
    after: { hosts: after },
  });
  return after;
}

/** A unit is reminded by hand ("remind them all") at most once in this many minutes. */
export const REMIND_AGAIN_AFTER_MINUTES = 10;

const monthOf = (p: { year: number; month: number }) => `${p.year}-${String(p.month).padStart(2, '0')}`;

/**
 * "Remind them all" (未报送 → 一键催报): every unit listed on the period's 未报送 page for this reader is told, in
 * the app and on its channels. A unit reminded by hand in the last ten minutes is left alone (a double click, or a
 * colleague a moment ago) and listed as skipped. The claim is one statement per unit, so two clicks at once remind
 * once. Audited.
 */
export async function remindMissing({ ctx, tx, periodId }: { ctx: RequestContext; tx: Tx; periodId: string }): Promise<RemindResult> {
  const period = await findPeriod(tx, ctx.actor, periodId);
  if (!period) throw notFound();
  if (period.status !== 'open') throw new AppError(409, 'period_closed', 'period.closed');
  // The units and their counts are 未报送's own (its grouped count in the reader's scope).
  const owing = (await missingByUnit(tx, ctx.actor, periodId)).map((u) => ({ unitId: u.unitId, unitName: u.unitName, reports: u.count }));
  const result: RemindResult = { reminded: [], skipped: [], againAfterMinutes: REMIND_AGAIN_AFTER_MINUTES };
  for (const unit of owing) {
    const [claimed] = await tx
      .insert(reportReminders)
      .values({ periodId, unitId: unit.unitId, kind: 'manual' })
      .onConflictDoUpdate({
        target: [reportReminders.periodId, reportReminders.unitId, reportReminders.kind],
        set: { sentAt: sql`now()` },
        setWhere: sql`${reportReminders.sentAt} < now() - make_interval(mins => ${REMIND_AGAIN_AFTER_MINUTES})`,
      })
      .returning();
    if (!claimed) {
      const [previous] = await tx
        .select({ sentAt: reportReminders.sentAt })
        .from(reportReminders)
        .where(and(eq(reportReminders.periodId, periodId), eq(reportReminders.unitId, unit.unitId), eq(reportReminders.kind, 'manual')));
      result.skipped.push({ unitId: unit.unitId, unitName: unit.unitName, remindedAt: (previous?.sentAt ?? new Date()).toISOString() });
      continue;
    }
    await notify(tx, {
      recipients: { unitIds: [unit.unitId] },
      kind: 'report_reminder',
      messageKey: 'notification.report.remind',
      params: { period: monthOf(period), deadline: period.deadline, unit: unit.unitName, count: unit.reports },
      link: '/my-reports',
    });
    result.reminded.push(unit);
  }
  await recordAudit(tx, ctx, {
    action: 'reporting_periods.remind',
    recordType: 'reporting_period',
    recordId: periodId,
    regionCode: period.regionCode,
    after: { reminded: result.reminded.map((u) => u.unitId), skipped: result.skipped.map((u) => u.unitId) },
  });
  return result;
}
