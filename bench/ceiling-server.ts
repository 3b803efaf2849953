/**
 * The same-SQL ceiling (issue 18): a bare Fastify server that runs the statements a Lantu endpoint ran (captured by
 * bench/capture-sql.mjs) with none of Lantu's work — no session, scope, validation or presenter. `/constant` answers
 * a constant, `/select1` runs `select 1`, `/same-sql` replays the captured statements: those that overlapped in the
 * capture side by side, the others one after the other, and answers their rows as JSON. Started by
 * bench/list-ceiling.ts with CEILING_STATEMENTS (a JSON file), PORT, and DATABASE_URL or CEILING_PGLITE_DIR.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import pg from 'pg';
import { createPglite } from '../server/db/client';

export type Statement = { text: string; params: unknown[]; start: number; end: number; name?: string };

/** Statements in the order they started, grouped so that those that overlapped in time run together. */
export function concurrentGroups(statements: Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  let groupEnd = -Infinity;
  for (const statement of [...statements].sort((a, b) => a.start - b.start)) {
    const last = groups.at(-1);
    if (last && statement.start < groupEnd) last.push(statement);
    else groups.push([statement]);
    groupEnd = Math.max(groupEnd, statement.end);
  }
  return groups;
}

async function main() {
  const groups = concurrentGroups(JSON.parse(readFileSync(process.env.CEILING_STATEMENTS ?? '', 'utf8')) as Statement[]);
  let run: (text: string, params: unknown[], name?: string) => Promise<unknown[]>;
  if (process.env.DATABASE_URL) {
    // As server/db/client.ts opens PostgreSQL: ten connections, JIT and parallel workers off.
    const pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 10,
      options: '-c jit=off -c max_parallel_workers_per_gather=0',
    });
    // A statement Lantu prepared (by name) is prepared here too: parsed and planned once per connection.
    run = async (text, params, name) => (await pool.query({ text, values: params, ...(name ? { name } : {}) })).rows;
  } else {
    const pglite = await createPglite(process.env.CEILING_PGLITE_DIR);
    run = async (text, params) => (await pglite.query(text, params)).rows;
  }
  const app = Fastify();
  app.get('/readyz', async () => ({ ok: true }));
  app.get('/constant', async () => ({ ok: true }));
  app.get('/select1', async () => run('select 1', []));
  app.get('/same-sql', async () => {
    const results: unknown[][] = [];
    for (const group of groups) results.push(...(await Promise.all(group.map((s) => run(s.text, s.params, s.name)))));
    return results;
  });
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
