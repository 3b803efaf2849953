/**
 * What a browser downloads: the JavaScript (gzip) of the first page — the entry's static imports plus the language
 * it starts in, fetched before the first render (Chinese: the **frame's catalog** `web/src/i18n/frame.zh-CN.ts`,
 * Ant Design's and dayjs's locales) — and, for each lazily loaded page, what it adds on top of the first page: its
 * chunks and the Chinese catalogs it loads with it (`PAGE_CATALOGS`, web/src/pages/catalogs.ts; one chunk per
 * catalog and language, web/src/i18n/catalogs.ts). Reads the production build's manifest (`npx vite build` first).
 * Issue 18's budget: the initial route ≤ 300 KB gzip; issue 16's: the dashboard ≤ 300 KB beyond the first page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_CATALOGS, type PageFile } from '../web/src/pages/catalogs';
import { root } from './lib';

type Chunk = { file: string; name?: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[] };

const dist = path.join(root, 'dist', 'web');
const gzipKb = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;

function closure(manifest: Record<string, Chunk>, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, into);
  return into;
}

/** The first language's resources, each loaded lazily by web/src/i18n/index.tsx before the first render. */
const CHINESE = ['src/i18n/frame.zh-CN.ts', 'antd/es/locale/zh_CN.js', 'dayjs/locale/zh-cn.js'];

/** A catalog's Chinese file in the manifest: its name in kebab case (`landEfficiency` → land-efficiency.zh-CN.ts). */
const catalogFile = (name: string) => `src/i18n/${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.zh-CN.ts`;

/** The catalogs a lazily loaded chunk brings with it: a page's, from PAGE_CATALOGS; none for a part of a page. */
function catalogsOf(manifest: Record<string, Chunk>, key: string): string[] {
  const page = /^src\/pages\/(\w+)\.tsx$/.exec(key)?.[1];
  const names: readonly string[] = page && page in PAGE_CATALOGS ? PAGE_CATALOGS[page as PageFile] : [];
  return names.map((name) => {
    const file = catalogFile(name);
    if (!manifest[file]) throw new Error(`the build has no chunk for the catalog ${file}`);
    return file;
  });
}

export function webBundleBench(): string[][] {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the build has no entry: run `npm run build`');
  const initial = closure(manifest, entry);
  const chinese = Object.keys(manifest).filter((key) => CHINESE.some((end) => key.endsWith(end)));
  if (chinese.length !== CHINESE.length) throw new Error(`the build has not all of ${CHINESE.join(', ')} as chunks`);
  for (const key of chinese) closure(manifest, key, initial);
  const sizeOf = (keys: Iterable<string>) => [...keys].reduce((sum, key) => sum + gzipKb(manifest[key]?.file ?? ''), 0);
  const rows: string[][] = [[`web: JavaScript of the first page in Chinese (gzip, budget 300 KB)`, `${sizeOf(initial).toFixed(0)} KB`, '']];
  /** The chunks loading `keys` (lazily loaded chunks) and their catalogs adds to what is loaded already. */
  const added = (keys: string[], already: Set<string> = initial) => {
    const loaded = new Set<string>();
    for (const key of keys) for (const part of [key, ...catalogsOf(manifest, key)]) closure(manifest, part, loaded);
    return [...loaded].filter((key) => !already.has(key));
  };
  /** What loading `keys` and their catalogs adds to the first page. */
  const adds = (keys: string[]) => sizeOf(added(keys));
  const pages = Object.keys(manifest)
    .filter((key) => manifest[key]?.isDynamicEntry && !key.includes('/i18n/'))
    .map((key) => ({ name: manifest[key]?.name ?? key, kb: adds([key]) }))
    .sort((a, b) => b.kb - a.kb);
  for (const page of pages.slice(0, 5))
    rows.push([`web: ${page.name} page adds (gzip, with its catalogs)`, `${page.kb.toFixed(0)} KB`, '']);
  // The home page shows the dashboard, a lazy part of its own.
  const dashboard = added(['src/pages/HomePage.tsx', 'src/modules/dashboard/components/DashboardView.tsx']);
  rows.push([
    'web: the dashboard (home page and its view, with catalogs) adds (gzip, budget 300 KB)',
    `${sizeOf(dashboard).toFixed(0)} KB`,
    '',
  ]);
  // Its charts (ECharts) load after its figures are drawn: what they add then.
  const charts = added(['src/modules/dashboard/components/DashboardCharts.tsx'], new Set([...initial, ...dashboard]));
  rows.push(["web: then the dashboard's charts (ECharts, loaded after its figures) add (gzip)", `${sizeOf(charts).toFixed(0)} KB`, '']);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of webBundleBench()) console.log(row.join('  '));
}
