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

/**
 * Builds the test databases once per run: a PGlite dump every test file loads in memory, and, when
 * LANTU_TEST_DATABASE_URL is set, a PostgreSQL template database every test file clones.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lantu-test-'));
  const pgliteFile = path.join(dir, 'template.tar');
  const postgresUrl = process.env.LANTU_TEST_DATABASE_URL ?? '';
  const postgresTemplate = `lantu_tpl_${process.pid}`;
  await Promise.all([
    buildPgliteTemplate(pgliteFile),
    postgresUrl ? buildPostgresTemplate(postgresUrl, postgresTemplate) : Promise.resolve(),
  ]);
  project.provide('pgliteTemplate', pgliteFile);
  project.provide('postgresUrl', postgresUrl);
  project.provide('postgresTemplate', postgresTemplate);
  if (!postgresUrl) console.warn('\n[lantu] PostgreSQL suites skipped: LANTU_TEST_DATABASE_URL is not set (CI sets it).\n');
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (postgresUrl) await adminQuery(postgresUrl, `drop database if exists ${postgresTemplate}`);
  };
}
