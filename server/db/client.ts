import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { nameNoStatements } from './prepared';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run a query on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL text (several statements allowed); used by migrations. */
  exec: (sqlText: string) => Promise<void>;
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  pglite?: PGlite;
  /** `transaction`: the URL is a pooler in transaction mode (PgBouncer): no startup options, no named statements. */
  pooler?: 'none' | 'transaction';
};

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database in the data folder. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.pooler ?? 'none');
  const client = options.pglite ?? (await openPglite(options.dataDir ?? './data'));
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

async function openPglite(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  return createPglite(path.join(dataDir, 'pglite'));
}

/** The one way to start embedded PostgreSQL: with the extensions the migrations use (pg_trgm). */
export function createPglite(dir?: string, options: Omit<PGliteOptions, 'extensions'> = {}) {
  return PGlite.create(dir, { ...options, extensions: { pg_trgm } });
}

/**
 * No connection within `connectionTimeoutMillis` (possibly wrapped by Drizzle): pg-pool's error when none of its
 * connections became free, or node-postgres's when a new one was not accepted in time (the server too busy to answer).
 */
const CONNECTION_WAIT_TIMEOUTS = ['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout'];
export function isConnectionWaitTimeout(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (CONNECTION_WAIT_TIMEOUTS.includes(e.message)) return true;
  return false;
}

function openPostgres(url: string, max: number, pooler: 'none' | 'transaction'): Database {
  // JIT compilation off: Lantu's queries are short, and at 100,000 projects the planner would JIT-compile the scoped
  // list query, paying ~1.5 s of compilation for a query that runs in milliseconds (measured in bench/scale.ts).
  // Parallel workers off: a request's query is short and requests run side by side, so starting workers costs more
  // than they save (a list filtered on unindexed columns at 100,000 projects took 90–150 ms with two workers on two
  // cores, 35–90 ms without; docs/operations.md).
  // Through a pooler in transaction mode (PgBouncer) neither can be sent at connection (PgBouncer refuses the startup
  // parameter; set them on the database instead, docs/operations.md), and a named statement prepared on one server
  // connection is unknown on the next: statements go unnamed.
  if (pooler === 'transaction') nameNoStatements();
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    ...(pooler === 'transaction' ? {} : { options: '-c jit=off -c max_parallel_workers_per_gather=0' }),
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces the client.
  pool.on('error', () => {});
  return {
    db: drizzlePg(pool, { schema }) as unknown as Db,
    kind: 'postgres',
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
  };
}
