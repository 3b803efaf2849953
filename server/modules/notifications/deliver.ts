import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notificationChannels, notificationDeliveries } from '../../db/schema/notifications';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type OutgoingPolicy, type RetryPolicy, type SendResult } from '../../lib/notify';
import { channelOf, outgoingPolicy } from './channels';
import { decryptSettings } from './secrets';

type DeliveryRow = typeof notificationDeliveries.$inferSelect;
type ChannelRow = typeof notificationChannels.$inferSelect;

export type DeliverOptions = {
  /** The server secret the channels' settings are encrypted under. */
  secret: string;
  now: Date;
  /** How many due deliveries one run takes (the rest wait for the next run). */
  limit?: number;
  retry?: RetryPolicy;
  random?: () => number;
  /** Test hooks of the outgoing policy (a resolver); the allowed hosts are always the administrator's. */
  policy?: Partial<OutgoingPolicy>;
};

export type DeliverOutcome = { sent: number; retrying: number; failed: number };

/** A delivery is leased to the instance sending it for this long; a crash leaves it to be taken up after. */
const LEASE_MS = 5 * 60_000;

const notSent = (key: string, detail: string): SendResult => ({
  ok: false,
  status: null,
  detail,
  code: 'notify.config_invalid',
  messageKey: key as never,
  params: {},
  retryable: false,
});

/** Sends one message through a stored channel: decrypts its settings, checks every address again and sends. */
export async function sendThrough(
  channel: ChannelRow,
  message: { title: string; text: string },
  secret: string,
  policy: OutgoingPolicy,
): Promise<SendResult> {
  let settings: ReturnType<typeof decryptSettings>;
  try {
    settings = decryptSettings(secret, channel.id, channel.settingsEncrypted);
  } catch {
    return notSent('notification.channel_unreadable', 'settings do not decrypt');
  }
  const { channel: sender, address } = channelOf(settings, policy);
  return sender.send(address(message));
}

/** Takes the due deliveries for this run, each leased so another instance's run leaves it alone. */
async function claimDue(db: Executor, now: Date, limit: number): Promise<DeliveryRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.status, 'pending'),
          lte(notificationDeliveries.nextAttemptAt, now),
          or(isNull(notificationDeliveries.lockedUntil), lt(notificationDeliveries.lockedUntil, now)),
        ),
      )
      .orderBy(asc(notificationDeliveries.nextAttemptAt), asc(notificationDeliveries.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const claimed: DeliveryRow[] = [];
    for (const { id } of due) {
      const [row] = await tx
        .update(notificationDeliveries)
        .set({ lockedUntil: new Date(now.getTime() + LEASE_MS) })
        .where(eq(notificationDeliveries.id, id))
        .returning();
      if (row) claimed.push(row);
    }
    return claimed;
  });
}

/** What the log keeps of an attempt's outcome. */
function attemptFields(result: SendResult, attempts: number, now: Date, retry: RetryPolicy, random: () => number) {
  if (result.ok) {
    return {
      status: 'sent' as const,
      attempts,
      sentAt: now,
      nextAttemptAt: null,
      lastStatus: result.status,
      lastError: null,
      lastErrorKey: null,
      lastErrorParams: null,
    };
  }
  const next = result.retryable ? nextAttemptAt(now, attempts, retry, random) : null;
  return {
    status: next ? ('pending' as const) : ('failed' as const),
    attempts,
    nextAttemptAt: next,
    lastStatus: result.status,
    lastError: result.detail,
    lastErrorKey: result.messageKey as string,
    lastErrorParams: result.params,
  };
}

/**
 * Delivers what is due in the outbox: each delivery through its channel, a success marked sent, a failure that may
 * pass later given its next attempt by the retry schedule (30 s doubling to an hour, eight attempts), any other
 * failure — or a channel deleted or switched off meanwhile — marked failed with its reason for the delivery log.
 */
export async function deliverDue(db: Executor, options: DeliverOptions): Promise<DeliverOutcome> {
  const { now, secret } = options;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const random = options.random ?? Math.random;
  const outcome: DeliverOutcome = { sent: 0, retrying: 0, failed: 0 };
  const claimed = await claimDue(db, now, options.limit ?? 50);
  if (claimed.length === 0) return outcome;
  const policy = await outgoingPolicy(db, options.policy);
  for (const delivery of claimed) {
    const [channel] = delivery.channelId
      ? await db.select().from(notificationChannels).where(eq(notificationChannels.id, delivery.channelId))
      : [];
    let result: SendResult;
    if (!channel) result = notSent('notification.channel_gone', 'the channel was deleted');
    else if (!channel.enabled) result = notSent('notification.channel_disabled', 'the channel was switched off');
    else result = await sendThrough(channel, { title: delivery.title, text: delivery.body }, secret, policy);
    const fields = attemptFields(result, delivery.attempts + 1, now, retry, random);
    await db
      .update(notificationDeliveries)
      .set({ ...fields, lockedUntil: null, updatedAt: now })
      .where(eq(notificationDeliveries.id, delivery.id));
    if (fields.status === 'sent') outcome.sent += 1;
    else if (fields.status === 'pending') outcome.retrying += 1;
    else outcome.failed += 1;
  }
  return outcome;
}

/** Logs a "send test" as a delivery of one attempt, with its outcome. */
export async function logTestDelivery(
  db: Executor,
  channel: ChannelRow & { logUnitId: string | null },
  message: { title: string; text: string },
  result: SendResult,
  now: Date,
) {
  await db.insert(notificationDeliveries).values({
    channelId: channel.id,
    channelKind: channel.kind,
    unitId: channel.logUnitId,
    userId: channel.userId,
    kind: 'channel_test',
    title: message.title,
    body: message.text,
    ...attemptFields(result, 1, now, DEFAULT_RETRY_POLICY, Math.random),
    // a test is never retried
    ...(result.ok ? {} : { status: 'failed' as const, nextAttemptAt: null }),
  });
}
