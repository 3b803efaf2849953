import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { adminQuery, buildPgliteTemplate, buildPostgresTemplate } from './databases';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
    postgresTemplate: string;
  }
}

type Templates = { pgliteFile: string; postgresUrl: string; postgresTemplate: string; dir: string };

/**
 * The api and heavy projects both name this file; Vitest loads it once per project, so the templates are built
 * once per process (kept on globalThis, which both loads share) and removed when the last project tears down.
 */
const shared = globalThis as { lantuTestTemplates?: { templates: Promise<Templates>; users: number } };

/** PostgreSQL is used when LANTU_TEST_DATABASE_URL is set, unless LANTU_TEST_DATABASES leaves it out (test:fast). */
function postgresUrlOfRun(): string {
  const url = process.env.LANTU_TEST_DATABASE_URL ?? '';
  const wanted = (process.env.LANTU_TEST_DATABASES ?? '')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  if (url && wanted.length > 0 && !wanted.includes('postgres')) return '';
  return url;
}

async function buildTemplates(): Promise<Templates> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-test-'));
  const pgliteFile = path.join(dir, 'template.tar');
  const postgresUrl = postgresUrlOfRun();
  const postgresTemplate = `lantu_tpl_${process.pid}`;
  await Promise.all([
    buildPgliteTemplate(pgliteFile),
    postgresUrl ? buildPostgresTemplate(postgresUrl, postgresTemplate) : Promise.resolve(),
  ]);
  if (!process.env.LANTU_TEST_DATABASE_URL) {
    console.warn('\n[lantu] PostgreSQL suites skipped: LANTU_TEST_DATABASE_URL is not set (CI sets it).\n');
  } else if (!postgresUrl) {
    console.warn('\n[lantu] PostgreSQL suites skipped: LANTU_TEST_DATABASES leaves PostgreSQL out.\n');
  }
  return { pgliteFile, postgresUrl, postgresTemplate, dir };
}

/**
 * Builds the test databases once per run: a PGlite dump every test file loads in memory, and, when
 * LANTU_TEST_DATABASE_URL is set, a PostgreSQL template database every test file clones.
 */
export default async function setup(project: TestProject) {
  shared.lantuTestTemplates ??= { templates: buildTemplates(), users: 0 };
  const state = shared.lantuTestTemplates;
  state.users += 1;
  const { pgliteFile, postgresUrl, postgresTemplate, dir } = await state.templates;
  project.provide('pgliteTemplate', pgliteFile);
  project.provide('postgresUrl', postgresUrl);
  project.provide('postgresTemplate', postgresTemplate);
  return async () => {
    state.users -= 1;
    if (state.users > 0) return;
    shared.lantuTestTemplates = undefined;
    await rm(dir, { recursive: true, force: true });
    if (postgresUrl) await adminQuery(postgresUrl, `drop database if exists ${postgresTemplate}`);
  };
}
