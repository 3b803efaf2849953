/**
 * What a browser downloads: the JavaScript (gzip) of the first page — the entry's static imports plus the language
 * it starts in (Chinese: the catalog, Ant Design's and dayjs's locales, fetched before the first render) — and, for
 * each lazily loaded page, what it adds on top of the first page. Reads the production build's manifest (`npm run build` first). Issue 18's budget: the
 * initial route ≤ 300 KB gzip.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
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

/** The first language's resources, each loaded lazily by web/src/i18n/index.tsx. */
const CHINESE = ['src/i18n/zh-CN.ts', 'antd/es/locale/zh_CN.js', 'dayjs/locale/zh-cn.js'];

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
  const pages = Object.keys(manifest)
    .filter((key) => manifest[key]?.isDynamicEntry)
    .map((key) => ({ name: manifest[key]?.name ?? key, kb: sizeOf([...closure(manifest, key)].filter((k) => !initial.has(k))) }))
    .sort((a, b) => b.kb - a.kb);
  for (const page of pages.slice(0, 5)) rows.push([`web: ${page.name} page adds (gzip)`, `${page.kb.toFixed(0)} KB`, '']);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of webBundleBench()) console.log(row.join('  '));
}
