import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/*
 * Tests in three tiers (Vitest projects); `vitest run` runs them all, as `npm test` and CI do.
 *
 * - unit:  tests that need no database and no app: everything under common/ and web/src/, and every server test
 *          whose imports name neither the test harness (server/test/harness, server/test/databases) nor a database
 *          (server/db/client, PGlite, pg). Nothing to list: a new pure test is a unit test by what it imports.
 * - api:   the other server tests: the real app (or a migration, a job) on a copy of the test database, PGlite and
 *          PostgreSQL as the harness picks them (LANTU_TEST_DATABASES, LANTU_TEST_DATABASE_URL).
 * - heavy: the folders server/test/fuzz, crash, concurrency and office (the LibreOffice checks, only when
 *          LANTU_SOFFICE names `soffice`; scripts/test.mjs sets it when LibreOffice is installed).
 *
 * A test misfiled as unit fails loudly (the unit tier builds no test database, so the harness finds no template);
 * a pure test filed as api merely runs a little later.
 */
const root = import.meta.dirname;
const heavyFolders = ['fuzz', 'crash', 'concurrency', 'office'].map((folder) => `server/test/${folder}/**`);
const officeTests = '**/*.office.test.ts';

/** What marks a server test as needing a database: importing the harness, the test databases, or a client. */
const usesDatabase = /from\s+['"](?:[^'"]*\/(?:test\/harness|test\/databases|db\/client)|\.\/client|@electric-sql\/pglite|pg)['"]/;

function serverTestFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts') && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));
}

const pureServerTests = serverTestFiles('server').filter(
  (file) => !file.startsWith('server/test/') && !usesDatabase.test(readFileSync(path.join(root, file), 'utf8')),
);

// As before the tiers: two forked workers (the machine has two cores), generous timeouts for database-heavy files.
const shared = { pool: 'forks', maxWorkers: 2, testTimeout: 30_000, hookTimeout: 120_000 } as const;
// Unit and API files share their worker's loaded modules instead of loading the app again for every file: this halves
// the CPU time of `test:fast`. Safe while test files keep no state in modules (no vi.mock, no process.env writes);
// each API file still gets its own app and database copy. The heavy tier keeps full isolation.
const reuseModules = { isolate: false } as const;
const exclude = process.env.LANTU_SOFFICE ? configDefaults.exclude : [...configDefaults.exclude, officeTests];
// Builds the PGlite template (and the PostgreSQL one) once per run, shared by api and heavy.
const globalSetup = ['server/test/global-setup.ts'];

export default defineConfig({
  test: {
    maxWorkers: shared.maxWorkers,
    projects: [
      {
        test: {
          ...shared,
          ...reuseModules,
          name: 'unit',
          include: ['common/**/*.test.ts', 'web/src/**/*.test.ts', ...pureServerTests],
          exclude,
        },
      },
      {
        test: {
          ...shared,
          ...reuseModules,
          name: 'api',
          include: ['server/**/*.test.ts'],
          exclude: [...exclude, ...heavyFolders, ...pureServerTests],
          globalSetup,
        },
      },
      {
        test: { ...shared, name: 'heavy', include: heavyFolders.map((folder) => `${folder}/*.test.ts`), exclude, globalSetup },
      },
    ],
  },
});
