import { and, desc, eq, sql } from 'drizzle-orm';
import type { ApiToken } from '../../../common/schemas/auth';
import type { Db, Executor } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { type RequestContext, can } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { invalidField, notFound } from '../../lib/errors';
import { isPermission } from '../../../common/permissions';
import { keyedHash, randomToken } from '../../lib/tokens';

const YEAR_MS = 366 * 24 * 3600 * 1000;

const present = (row: typeof apiTokens.$inferSelect): ApiToken => ({
  id: row.id,
  name: row.name,
  scopes: row.scopes,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** The actor's own API tokens, newest first (secrets are never shown again after creation). */
export async function listOwnTokens(db: Executor, ctx: RequestContext): Promise<ApiToken[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, ctx.actor.userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(present);
}

/** Issues a token limited to permissions the actor holds, expiring within a year; the secret is returned once. */
export async function createApiToken(
  db: Db,
  secret: string,
  ctx: RequestContext,
  input: { name: string; scopes: string[]; expiresAt: string },
) {
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt.getTime() <= Date.now()) throw invalidField('expiresAt', 'token.expiry_past');
  if (expiresAt.getTime() > Date.now() + YEAR_MS) throw invalidField('expiresAt', 'token.expiry_too_far');
  const missing = input.scopes.find((s) => !isPermission(s) || !can(ctx.actor, s));
  if (missing) throw invalidField('scopes', 'token.scope_not_held', { permission: missing });
  const token = `lantu_${randomToken()}`;
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        userId: ctx.actor.userId,
        name: input.name,
        tokenHash: keyedHash(secret, token),
        scopes: [...new Set(input.scopes)],
        expiresAt,
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await recordAudit(tx, ctx, { action: 'api_tokens.create', recordType: 'api_token', recordId: created.id, after: present(created) });
    return created;
  });
  return { token, apiToken: present(row) };
}

/** Revokes one of the actor's tokens; revoking twice is harmless. */
export async function revokeApiToken(db: Db, ctx: RequestContext, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.actor.userId)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, ctx, { action: 'api_tokens.revoke', recordType: 'api_token', recordId: id });
    return present(row);
  });
}
