import { createHash } from 'node:crypto';

/** A public answer ready to send: its JSON text and its ETag, or null for "not found". */
export type PublicAnswer = { body: string; etag: string } | null;

const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

/**
 * The public list's and items' answers of one app, kept for ten seconds so a flood of readers costs a map look-up
 * rather than a query each. It belongs to one app (made by its routes, never a module-level value) and is emptied on
 * every change the app makes to the list; another instance's change shows here within the ten seconds. Not-found
 * answers are kept too, and the whole map is dropped when it grows past 2,000 keys (random ids cannot fill memory).
 */
export function publicAnswerCache() {
  const entries = new Map<string, { at: number; answer: PublicAnswer }>();
  return {
    async get(key: string, load: () => Promise<unknown | null>): Promise<PublicAnswer> {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && now - hit.at < TTL_MS) return hit.answer;
      const value = await load();
      const answer = value === null ? null : answerOf(value);
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, { at: now, answer });
      return answer;
    },
    clear() {
      entries.clear();
    },
  };
}

function answerOf(value: unknown) {
  const body = JSON.stringify(value);
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
}

/** Whether the client's If-None-Match names this ETag (or `*`): it may keep its copy (304). */
export function stillFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const tags = ifNoneMatch.split(',').map((t) => t.trim());
  return tags.includes('*') || tags.includes(etag) || tags.includes(etag.slice(2));
}
