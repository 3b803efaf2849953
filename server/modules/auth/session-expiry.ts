import { sql } from 'drizzle-orm';
import { sessions, settings } from '../../db/schema';

/**
 * A session past its idle or its absolute timeout (both set in the settings row, which the query must join):
 * the one rule for signing in with a session and for purging old ones.
 */
export const sessionExpired = sql`(${sessions.lastSeenAt} <= now() - make_interval(mins => ${settings.sessionIdleMinutes})
  or ${sessions.createdAt} <= now() - make_interval(hours => ${settings.sessionAbsoluteHours}))`;
