import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notificationChannels, notificationDeliveries, notifications } from '../../db/schema/notifications';
import type { Actor } from '../../lib/actor';
import { visibleWhen } from '../../lib/scope';

export type NotificationRow = typeof notifications.$inferSelect;
export type ChannelRow = typeof notificationChannels.$inferSelect;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;

const mine = (userId: string) => eq(notifications.recipientId, userId);

/** A page of a person's inbox, newest first, and his unread count. */
export async function listInbox(db: Executor, userId: string, query: { page: number; pageSize: number; unread?: 'true' | 'false' }) {
  const where = and(
    mine(userId),
    query.unread === 'true'
      ? isNull(notifications.readAt)
      : query.unread === 'false'
        ? sql`${notifications.readAt} is not null`
        : undefined,
  );
  const [rows, [total], unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    unreadCount(db, userId),
  ]);
  return { rows, total: total?.n ?? 0, unread };
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of a person's notifications read (kept as first read); null when it is not his. */
export async function markRead(db: Executor, userId: string, id: string): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), mine(userId)))
    .returning();
  return row ?? null;
}

export async function markAllRead(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** A unit's channels, or a person's own, oldest first. */
export async function listChannels(db: Executor, owner: { unitId: string } | { userId: string }): Promise<ChannelRow[]> {
  return db
    .select()
    .from(notificationChannels)
    .where('unitId' in owner ? eq(notificationChannels.unitId, owner.unitId) : eq(notificationChannels.userId, owner.userId))
    .orderBy(notificationChannels.createdAt, notificationChannels.id);
}

/** One channel of the owner, or null. */
export async function findChannel(db: Executor, owner: { unitId: string } | { userId: string }, id: string): Promise<ChannelRow | null> {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(
      and(
        eq(notificationChannels.id, id),
        'unitId' in owner ? eq(notificationChannels.unitId, owner.unitId) : eq(notificationChannels.userId, owner.userId),
      ),
    );
  return row ?? null;
}

/** A page of the delivery log the actor may see (deliveries of units in his data scope), newest first. */
export async function listDeliveries(
  db: Executor,
  actor: Actor,
  query: { page: number; pageSize: number; status?: DeliveryRow['status'] },
) {
  const where = and(
    visibleWhen(actor, { units: [notificationDeliveries.unitId], owner: notificationDeliveries.userId }),
    query.status ? eq(notificationDeliveries.status, query.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(notificationDeliveries)
      .where(where)
      .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(notificationDeliveries).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
