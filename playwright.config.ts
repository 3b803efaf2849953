import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_PASSWORD } from './e2e/helpers';

const port = Number(process.env.LANTU_E2E_PORT ?? 3217);
/** A fresh embedded database for every run: the demo district, with a known password for the demo users. */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  // scripts/test.mjs gives each shard its own folder (Playwright empties it at start).
  outputDir: process.env.LANTU_E2E_OUTPUT ?? 'test-results/e2e',
  // A journey takes 15–35 s; on a loaded 2-core machine one took 66 s, so the limit is twice that.
  timeout: 120_000,
  workers: 1,
  retries: 0,
  // One wait for every assertion: on the shared 2-core CI machine a full page load has taken 11–16 s (its requests
  // starting late behind the other shard's browser and server), a list refetching or a drawer closing several.
  // Per-call timeouts are for the waits known to be longer (a lead board's first load, an import).
  expect: { timeout: 30_000 },
  use: {
    // The app honours the accessibility setting: no sliding drawers and drop-downs, whose clicks landed mid-motion.
    reducedMotion: 'reduce',
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.LANTU_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node bin/lantu.js serve',
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { PORT: String(port), LANTU_DATA_DIR: dataDir, LANTU_DEMO: '1', LANTU_DEMO_PASSWORD: E2E_PASSWORD, LANTU_LOG_LEVEL: 'warn' },
  },
});
