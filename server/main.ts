import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { ROLE_CODES, type RoleCode } from '../common/permissions';
import { buildApp } from './app';
import { type Config, ConfigError, loadConfig } from './config';
import { countUsers, createAccount, ensureRootUnit } from './db/accounts';
import { BackupError, backupDatabase, restoreDatabase } from './db/backup';
import { type Database, openDatabase } from './db/client';
import { seedDemo } from './db/demo';
import { SchemaNewerThanCodeError, migrate } from './db/migrate';
import { ensureReferenceData } from './db/reference-data';
import { users } from './db/schema';
import { scheduledJobs } from './jobs';
import { recordAudit } from './lib/audit';
import { sealAuditChain, startAuditSealer, verifyAuditChain } from './lib/audit-chain';
import { objectStoreOf } from './lib/object-store';
import { generateOneTimePassword, hashPassword } from './lib/passwords';
import { createScheduler } from './lib/scheduler';
import { shutDown, shutDownOnSignals } from './lib/shutdown';
import { isWorker, superviseWorkers } from './lib/workers';
import { setPassword } from './modules/auth/passwords-service';
import {
  checkDashboardFigures,
  checkReportCounts,
  fillDashboardFiguresIfEmpty,
  fillReportCountsIfEmpty,
  rebuildDashboardFigures,
  rebuildReportCounts,
} from './modules/projects';

/** Said once the demo is loaded, before the users' one-time passwords. */
const DEMO_LOADED = 'Demo region loaded: 济南市天桥区, with 槐荫区 and 历城区 of 济南市. Sign in as (shown once):';

const HELP = `lantu — 蓝图 key investment project platform

Usage: lantu <command> [options]

Commands:
  serve                         migrate, load reference data (and the demo region on an empty
                                embedded database), then serve the API and web page
  migrate                       apply database migrations and exit
  seed-demo                     load the demo region (济南市天桥区, with 槐荫区 and 历城区 of 济南市) and its demo users into an empty database
  create-admin --username NAME  create an administrator and print a one-time password
               [--display-name TEXT] [--region CODE]
  reset-password --username NAME
                                set a new one-time password (printed once) and sign the user out everywhere
  audit verify                  check the audit log's hash chain; names every event that was changed or removed
  dashboard check|rebuild       compare the kept figures — the dashboard's, and the report counts of 未报送 and the
                                periods — with a full recomputation (names each row that differs), or rebuild them
                                from the projects, plans and reports
  backup FILE                   write one consistent backup file (embedded: stop Lantu first)
  restore FILE                  restore a backup into an empty database or an empty data folder
  --help                        show this text

Configuration comes from the environment; see the README's configuration table.`;

const cliContext = (command: string) => ({ ip: null, requestId: null, actorName: `lantu ${command}` });

async function prepare(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    pooler: config.databasePooler,
  });
  try {
    await migrate(database);
    await ensureReferenceData(database.db);
    // The dashboard's figures on an installation that had projects before they were kept (migration 0037), or before
    // migration 0038 emptied them to add the computed indicators' columns.
    if (await database.db.transaction((tx) => fillDashboardFiguresIfEmpty(tx))) console.log('Dashboard figures built from the projects.');
    // 未报送's and the periods' counts on an installation that had reports before they were kept (migration 0039).
    if (await database.db.transaction((tx) => fillReportCountsIfEmpty(tx))) console.log('Report counts built from the reports.');
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

function printCredentials(title: string, rows: { username: string; password: string; mustChange: boolean }[]) {
  console.log(`\n${title}`);
  for (const r of rows)
    console.log(`  ${r.username.padEnd(10)} ${r.password}${r.mustChange ? '   (one-time: change at first sign-in)' : ''}`);
  console.log('');
}

async function seedOrBootstrap(database: Database, config: Config) {
  if (config.demo) {
    const credentials = await seedDemo(database.db, config.demoPassword, config.sessionSecret);
    if (credentials) printCredentials(DEMO_LOADED, credentials);
    return;
  }
  if ((await countUsers(database.db)) > 0) return;
  const unitId = await database.db.transaction((tx) => ensureRootUnit(tx, config.regionCode, '平台管理'));
  const admin = await createAccount(database.db, cliContext('serve'), {
    username: 'admin',
    displayName: '系统管理员',
    unitId,
    roleCode: 'admin',
  });
  printCredentials('Initial administrator created (shown once):', [{ username: 'admin', password: admin.password, mustChange: true }]);
}

async function serve(config: Config) {
  const started = Date.now();
  if (config.workers > 1 && !isWorker()) return serveInWorkers(config, started);
  const database = await prepare(config);
  if (isWorker()) {
    // Forked by `serveInWorkers`, which migrated and seeded; a worker whose primary is gone stops as on SIGTERM.
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  } else {
    await seedOrBootstrap(database, config);
  }
  const app = await buildApp({
    config,
    database,
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'] },
  });
  const scheduler = createScheduler({ db: database.db, jobs: scheduledJobs(config), log: app.log });
  const sealer = startAuditSealer({ db: database.db, log: app.log });
  shutDownOnSignals(app.log, () => shutDown({ app, scheduler, sealer, database }));
  await app.listen({ port: config.port, host: config.host });
  scheduler.start();
  if (!isWorker()) announce(config, started);
}

/** LANTU_WORKERS above 1 (PostgreSQL only): migrate and seed once here, then fork the workers that serve. */
async function serveInWorkers(config: Config, started: number) {
  const database = await prepare(config);
  try {
    await seedOrBootstrap(database, config);
  } finally {
    await database.close();
  }
  await superviseWorkers(config.workers, { info: console.log, error: console.error });
  announce(config, started);
}

function announce(config: Config, started: number) {
  const where = config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`;
  const workers = config.workers > 1 ? ` with ${config.workers} workers` : '';
  console.log(
    `Lantu is serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} on the ${where}${workers} (ready in ${Date.now() - started} ms)`,
  );
}

async function withDatabase(config: Config, run: (database: Database) => Promise<void>) {
  const database = await prepare(config);
  try {
    await run(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      region: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(HELP);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return withDatabase(config, async () => console.log('Database is up to date.'));
    case 'seed-demo':
      return withDatabase(config, async (database) => {
        const credentials = await seedDemo(database.db, config.demoPassword, config.sessionSecret);
        if (credentials) printCredentials(DEMO_LOADED, credentials);
        else console.log('The database already has users; the demo region is loaded only into an empty database.');
      });
    case 'create-admin':
      return withDatabase(config, async (database) => {
        const username = requireOption(values.username, '--username');
        const role: RoleCode = (ROLE_CODES as readonly string[]).includes(values.role ?? '') ? (values.role as RoleCode) : 'admin';
        const unitId = await database.db.transaction((tx) => ensureRootUnit(tx, values.region ?? config.regionCode, '平台管理'));
        const created = await createAccount(database.db, cliContext(command), {
          username,
          displayName: values['display-name'] ?? username,
          unitId,
          roleCode: role,
        });
        printCredentials('Administrator created (shown once):', [{ username, password: created.password, mustChange: true }]);
      });
    case 'reset-password':
      return withDatabase(config, async (database) => {
        const username = requireOption(values.username, '--username');
        const [user] = await database.db
          .select({ id: users.id })
          .from(users)
          .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
        if (!user) throw new CliError(`No user named ${username}.`);
        const password = generateOneTimePassword();
        const passwordHash = await hashPassword(password);
        await database.db.transaction(async (tx) => {
          await setPassword(tx, user.id, passwordHash, true);
          await recordAudit(tx, cliContext(command), { action: 'users.reset_password', recordType: 'user', recordId: user.id });
        });
        printCredentials('New one-time password (shown once):', [{ username, password, mustChange: true }]);
      });
    case 'backup':
    case 'restore': {
      const file = positionals[1];
      if (!file) throw new CliError(`Usage: lantu ${command} FILE`);
      const target = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, store: objectStoreOf(config) };
      if (command === 'backup') await backupDatabase(target, file);
      else await restoreDatabase(target, file);
      console.log(command === 'backup' ? `Backup written to ${file}.` : `Restored ${file}. Start Lantu as usual.`);
      return;
    }
    case 'audit':
      if (positionals[1] !== 'verify') throw new CliError('Usage: lantu audit verify');
      return withDatabase(config, async (database) => {
        const sealed = await sealAuditChain(database.db);
        if (sealed > 0) console.log(`${sealed} audit events written since the last seal were sealed into the chain.`);
        const report = await verifyAuditChain(database.db);
        console.log(`${report.events} audit events checked; chain head ${report.head ?? '(empty)'}`);
        if (report.unsealed > 0) console.log(`${report.unsealed} events written meanwhile are not sealed yet (not checked).`);
        if (report.broken.length === 0) return console.log('The audit log is intact.');
        for (const b of report.broken)
          console.log(
            `  event ${b.id}: ${b.reason === 'content_changed' ? 'content was changed' : 'the event before it was removed or changed'}`,
          );
        throw new CliError(`The audit log has been tampered with (${report.broken.length} events).`);
      });
    case 'dashboard':
      if (positionals[1] !== 'check' && positionals[1] !== 'rebuild') throw new CliError('Usage: lantu dashboard check|rebuild');
      return withDatabase(config, async (database) => {
        if (positionals[1] === 'rebuild') {
          await database.db.transaction((tx) => rebuildDashboardFigures(tx));
          console.log('Dashboard figures rebuilt from the projects.');
          await database.db.transaction((tx) => rebuildReportCounts(tx));
          console.log('Report counts rebuilt from the reports.');
        }
        const differences = await checkDashboardFigures(database.db);
        for (const d of differences.slice(0, 50))
          console.log(`  ${d.key}: kept ${d.kept ?? '(none)'}, recomputed ${d.recomputed ?? '(none)'}`);
        if (differences.length === 0) console.log('The dashboard figures equal a full recomputation.');
        const counts = await checkReportCounts(database.db);
        for (const d of counts.slice(0, 50))
          console.log(`  report count ${d.key}: kept ${d.kept ?? '(none)'}, recounted ${d.recounted ?? '(none)'}`);
        if (counts.length === 0) console.log('The report counts equal a recount of the reports.');
        if (differences.length > 0 || counts.length > 0)
          throw new CliError(
            `${differences.length} dashboard figure rows and ${counts.length} report count rows differ from a full recomputation; run lantu dashboard rebuild.`,
          );
      });
    default:
      throw new CliError(`Unknown command "${command}". Run lantu --help.`);
  }
}

class CliError extends Error {}

function requireOption(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`${name} is required.`);
  return value;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof CliError ||
    error instanceof SchemaNewerThanCodeError ||
    error instanceof BackupError
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
