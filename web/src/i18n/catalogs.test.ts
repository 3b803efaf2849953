import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../common/locale';
import { PAGE_CATALOGS } from '../pages/catalogs';
import { CATALOGS, type Catalog, type CatalogName } from './catalogs';
import { enUS } from './en-US';
import { closureOf, keysUsedBy } from './key-usage';
import { zhCN } from './zh-CN';

const web = fileURLToPath(new URL('..', import.meta.url));
const pagesDir = path.join(web, 'pages');
const NAMES = Object.keys(CATALOGS) as CatalogName[];
const ALL_KEYS = Object.keys(zhCN);

const loaded = {} as Record<Locale, Record<CatalogName, Catalog>>;
/** Which catalog holds each key. */
const catalogOf = new Map<string, CatalogName>();

beforeAll(async () => {
  for (const locale of ['zh-CN', 'en-US'] as const) {
    const entries = await Promise.all(NAMES.map(async (name): Promise<[CatalogName, Catalog]> => [name, await CATALOGS[name][locale]()]));
    loaded[locale] = Object.fromEntries(entries) as Record<CatalogName, Catalog>;
  }
  for (const name of NAMES) for (const key of Object.keys(loaded['zh-CN'][name])) catalogOf.set(key, name);
});

/** The keys `files` use that none of `catalogs` holds, each as "key (its catalog) in file". */
function missingFrom(files: Set<string>, catalogs: readonly CatalogName[]): string[] {
  return [...keysUsedBy(files, ALL_KEYS)]
    .filter(([key]) => !catalogs.includes(catalogOf.get(key) as CatalogName))
    .map(([key, file]) => `${key} (${catalogOf.get(key)}) in ${path.relative(web, file)}`);
}

describe('the catalogs', () => {
  it('have the same keys in Chinese and English', () => {
    for (const name of NAMES) {
      expect(Object.keys(loaded['en-US'][name]).sort(), name).toEqual(Object.keys(loaded['zh-CN'][name]).sort());
    }
  });

  it('hold each key once, and together the whole interface text (zh-CN.ts and en-US.ts)', () => {
    const counted = NAMES.reduce((sum, name) => sum + Object.keys(loaded['zh-CN'][name]).length, 0);
    expect(counted).toBe(catalogOf.size);
    expect(new Set(catalogOf.keys())).toEqual(new Set(ALL_KEYS));
    expect(new Set(Object.keys(enUS))).toEqual(new Set(ALL_KEYS));
  });

  it('the frame: every key the files loaded before the first render use (and the frame’s own lazy parts) is in it', () => {
    // The frame's files: main.tsx and what it imports, following lazy imports too (the inbox, the phone's drawer) but
    // not into the pages, which bring their own catalogs.
    const frame = closureOf([path.join(web, 'main.tsx')], (file) => !file.startsWith(pagesDir));
    expect(frame.size).toBeGreaterThan(20);
    expect(missingFrom(frame, ['frame'])).toEqual([]);
  });

  it('each page names every catalog its files use, lazily loaded parts included', () => {
    const missing = Object.entries(PAGE_CATALOGS).flatMap(([page, catalogs]) =>
      missingFrom(
        closureOf([path.join(pagesDir, `${page}.tsx`)], () => true),
        ['frame', ...catalogs],
      ).map((line) => `${page}: ${line}`),
    );
    expect(missing).toEqual([]);
  });

  it('every page file has its list, and App.tsx loads each page with its own', () => {
    const pages = readdirSync(pagesDir).filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'));
    expect(new Set(Object.keys(PAGE_CATALOGS))).toEqual(new Set(pages.map((file) => file.replace(/\.tsx$/, ''))));
    const app = readFileSync(path.join(web, 'App.tsx'), 'utf8');
    const loads = [...app.matchAll(/import\('\.\/pages\/(\w+)'\)/g)].length;
    const paired = [...app.matchAll(/import\('\.\/pages\/(\w+)'\),\s*'\w+',\s*PAGE_CATALOGS\.(\w+),?\s*\)/g)];
    expect(paired.length).toBe(loads);
    for (const [, file, list] of paired) expect(list, file).toBe(file);
  });
});
