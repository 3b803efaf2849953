import { configDefaults, defineConfig } from 'vitest/config';

// The LibreOffice checks (*.office.test.ts) run when LANTU_SOFFICE names `soffice`; scripts/test.mjs sets it when
// LibreOffice is installed and says so when it is not.
const officeTests = '**/*.office.test.ts';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: process.env.LANTU_SOFFICE ? configDefaults.exclude : [...configDefaults.exclude, officeTests],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
