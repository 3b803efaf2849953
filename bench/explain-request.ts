/**
 * Where one request's time goes on PostgreSQL: `lantu serve` on BENCH_DATABASE_URL with bench/capture-sql.mjs
 * preloaded, one user signed in, the request sent 10 times to warm up and once more captured; then each statement
 * that request sent (reads only) is run again under EXPLAIN (ANALYZE, BUFFERS) with its own parameters, and its time
 * in the server and its plan are printed.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME npx tsx bench/explain-request.ts leader '/api/v1/dashboard?leader=me'
 *
 * EXPLAIN_PORT (3313) the server's port; EXPLAIN_PLANS=0 prints the statements' times and texts only.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { root, signIn, startServer, stop } from './lib';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL: the PostgreSQL database to explain on');
const [who = 'office', request = '/api/v1/dashboard'] = process.argv.slice(2);
const port = Number(process.env.EXPLAIN_PORT ?? 3313);
const plans = process.env.EXPLAIN_PLANS !== '0';

type Statement = { text: string; params: unknown[]; start: number; end: number };

const work = mkdtempSync(path.join(os.tmpdir(), 'lantu-explain-'));
const logFile = path.join(work, 'sql.log');
writeFileSync(logFile, '');
const server = await startServer({ LANTU_DATA_DIR: work, DATABASE_URL: url, LANTU_BENCH_SQL_LOG: logFile }, port, [
  '--import',
  path.join(root, 'bench', 'capture-sql.mjs'),
]);
const statements: Statement[] = [];
try {
  const base = `http://127.0.0.1:${port}`;
  const headers = await signIn(base, who);
  for (let i = 0; i < 10; i++) await (await fetch(`${base}${request}`, { headers })).arrayBuffer();
  await new Promise((r) => setTimeout(r, 300));
  const before = statSync(logFile).size;
  const t = performance.now();
  const response = await fetch(`${base}${request}`, { headers });
  await response.arrayBuffer();
  const ms = performance.now() - t;
  if (!response.ok) throw new Error(`${request}: ${response.status}`);
  await new Promise((r) => setTimeout(r, 300));
  for (const line of readFileSync(logFile).subarray(before).toString('utf8').trim().split('\n').filter(Boolean)) {
    const statement = JSON.parse(line) as Statement;
    if (/^\s*(select|with)\b/i.test(statement.text)) statements.push(statement);
  }
  console.log(`${request} as ${who}: ${ms.toFixed(1)} ms, ${statements.length} statements`);
} finally {
  await stop(server.child);
}

// The session the server's own connections have (server/db/client.ts): no JIT, no parallel workers — else the plans
// printed are not the ones the request ran.
const client = new pg.Client({ connectionString: url, options: '-c jit=off -c max_parallel_workers_per_gather=0' });
await client.connect();
try {
  for (const [i, s] of statements.entries()) {
    console.log(
      `\n#${i + 1}  ${(s.end - s.start).toFixed(1)} ms in the server  ${s.text.replace(/\s+/g, ' ').slice(0, plans ? 400 : 200)}`,
    );
    if (!plans) continue;
    const result = await client.query(`explain (analyze, buffers) ${s.text}`, s.params);
    for (const row of result.rows as { 'QUERY PLAN': string }[]) console.log(`    ${row['QUERY PLAN']}`);
  }
} finally {
  await client.end();
}
