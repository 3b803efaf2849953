/**
 * Which message keys a set of source files uses, read from their text (for the catalog tests; node only, never
 * imported by the page). A file's keys are its string literals that are keys of the catalog (`t('nav.home')`,
 * `labelKey: 'nav.home'`) and, for a template literal with a fixed start (`t(\`pool.${pool}\`)`), every key that
 * starts so. A template literal that starts with a placeholder (`${prefix}.${value}`) cannot be read: the audit
 * page's two such lookups use `tOptional`, which falls back to the raw value.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(ts|tsx)$/;
/** The catalogs themselves name every key; they are what is checked, not users of keys. */
const CATALOG_FILE = /(^|[\\/])(?:[\w-]+\.)?(zh-CN|en-US)\.ts$/;

function resolveImport(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (SOURCE.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

type Imports = { statics: string[]; dynamics: string[] };

/** A file's relative imports that load code (`import type` and `export type` load none). */
export function importsOf(file: string): Imports {
  const text = readFileSync(file, 'utf8').replace(/(?:import|export)\s+type\s[^;]*?from\s*'[^']+'/g, '');
  const resolveAll = (pattern: RegExp) =>
    [...text.matchAll(pattern)].flatMap(([, specifier]) => {
      const resolved = specifier?.startsWith('.') ? resolveImport(file, specifier) : null;
      return resolved && !CATALOG_FILE.test(resolved) ? [resolved] : [];
    });
  return {
    statics: resolveAll(/(?:from\s*|import\s+)'([^']+)'/g),
    dynamics: resolveAll(/import\(\s*'([^']+)'\s*\)/g),
  };
}

/**
 * The files `entries` load: their static imports, and their dynamic ones too unless `followDynamic` says no
 * (the frame stops at the pages, which bring their own catalogs).
 */
export function closureOf(entries: string[], followDynamic: (file: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { statics, dynamics } = importsOf(file);
    queue.push(...statics, ...dynamics.filter(followDynamic));
  }
  return seen;
}

/** The keys of `allKeys` that `files` use, each with a file that uses it. */
export function keysUsedBy(files: Iterable<string>, allKeys: readonly string[]): Map<string, string> {
  const keys = new Set(allKeys);
  const used = new Map<string, string>();
  const scan = (text: string, file: string) => {
    // Each string taken whole, a template literal too: a template's `${…}` holds quotes of its own, and a template
    // read as two halves paired its closing backtick with the next template's opening one, swallowing the code (and
    // the keys) between them — MapPage lacked the warnings catalog that way and its filter read “project.warning”.
    for (const [, single, double, template] of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const literal = single ?? double ?? (template?.includes('${') ? undefined : template);
      if (literal && keys.has(literal) && !used.has(literal)) used.set(literal, file);
      if (template?.includes('${')) scan(template.replace(/^[^$]*\$\{|\}[^$}]*$/g, ' '), file);
    }
    for (const [, start] of text.matchAll(/`([\w.-]+\.)\$\{/g)) {
      for (const key of allKeys) if (start && key.startsWith(start) && !used.has(key)) used.set(key, file);
    }
  };
  for (const file of files) {
    // Comments out first: an apostrophe in one (“the phone's drawer”) would open a string.
    scan(
      readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|\s)\/\/.*$/gm, '$1'),
      file,
    );
  }
  return used;
}
