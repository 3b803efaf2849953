import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { dictionaryItems, regions, units, users } from '../../../db/schema';
import { likePrefix } from '../../../lib/scope';
import { FIXED_LISTS } from './fixed-lists';
import type { CellProblem, ListKind, Lookups } from '../../../lib/spreadsheets/columns/types';

/** One entry of a list: its code (a dictionary code, region code or id), names, and other spellings a cell may use. */
export type ListEntry = { code: string; name: string; nameEn: string; aliases?: string[]; inDropDown?: boolean };

const DICTIONARY_LISTS = [
  'project_category',
  'industry',
  'leading_industry',
  'cluster',
  'park',
  'industry_chain',
  'funding_source',
  'approval_item_type',
  'enterprise_tag',
  'problem_category',
] as const;
// Lists whose cells show "code name" (GB/T 4754: "C 制造业"), so a long list reads unambiguously.
const CODED_LISTS = new Set<ListKind>(['industry']);

const key = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Lookups over lists given in memory: the loader below fills them from the database, tests may fill them directly. */
export function lookupsOf(lists: Record<ListKind, ListEntry[]>): Lookups {
  const index = new Map<ListKind, Map<string, Set<string>>>();
  const names = new Map<ListKind, Map<string, string>>();
  for (const [kind, entries] of Object.entries(lists) as [ListKind, ListEntry[]][]) {
    const byText = new Map<string, Set<string>>();
    const add = (text: string, code: string) => {
      const k = key(text);
      if (!k) return;
      const codes = byText.get(k) ?? new Set<string>();
      codes.add(code);
      byText.set(k, codes);
    };
    // Codes first and alone: a code always names its own entry even if another entry is called that.
    const byCode = new Map(entries.map((e) => [e.code, shown(kind, e)]));
    for (const e of entries) for (const text of [e.name, e.nameEn, shown(kind, e), ...(e.aliases ?? [])]) add(text, e.code);
    index.set(kind, byText);
    names.set(kind, byCode);
  }
  return {
    find(kind, text): { code: string } | { problem: CellProblem } {
      if (names.get(kind)?.has(text.trim())) return { code: text.trim() };
      const codes = index.get(kind)?.get(key(text));
      // The list is named by its kind; the message names it in the reader's language (`import.list.<kind>`).
      const params = { value: text, list: kind };
      if (!codes?.size) return { problem: { code: 'import.unknown_value', params } };
      if (codes.size > 1) return { problem: { code: 'import.ambiguous_value', params } };
      return { code: [...codes][0] as string };
    },
    name: (kind, code) => names.get(kind)?.get(code) ?? code,
    names: (kind) => (lists[kind] ?? []).filter((e) => e.inDropDown !== false).map((e) => shown(kind, e)),
  };
}

const shown = (kind: ListKind, e: ListEntry) => (CODED_LISTS.has(kind) ? `${e.code} ${e.name}` : e.name);

/**
 * Every list a sheet of the district may draw from: the dictionaries (disabled items too, so the project rules can
 * say they are disabled), the district's streets, its units, and its active people (leaders first in drop-downs).
 */
export async function loadLookups(db: Executor, district: { code: string; path: string }): Promise<Lookups> {
  const dictionary = await db
    .select({
      type: dictionaryItems.type,
      code: dictionaryItems.code,
      name: dictionaryItems.name,
      nameEn: dictionaryItems.nameEn,
      enabled: dictionaryItems.enabled,
    })
    .from(dictionaryItems)
    .where(inArray(dictionaryItems.type, [...DICTIONARY_LISTS]))
    .orderBy(asc(dictionaryItems.type), asc(dictionaryItems.sortOrder), asc(dictionaryItems.code));
  const streets = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.parentCode, district.code), eq(regions.level, 'street')))
    .orderBy(asc(regions.code));
  const inDistrict = sql`exists (select 1 from regions ur where ur.code = ${units.regionCode} and ur.path like ${likePrefix(district.path)})`;
  const unitRows = await db.select({ id: units.id, name: units.name }).from(units).where(inDistrict).orderBy(asc(units.path));
  const people = await db
    .select({ id: users.id, name: users.displayName, username: users.username, roleCode: users.roleCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.status, 'active'), inDistrict))
    .orderBy(asc(users.displayName));
  const lists = {
    ...FIXED_LISTS,
    street: streets.map((s) => ({ code: s.code, name: s.name, nameEn: s.name })),
    unit: unitRows.map((u) => ({ code: u.id, name: u.name, nameEn: u.name })),
    leader: people.map((p) => ({ code: p.id, name: p.name, nameEn: p.name, aliases: [p.username], inDropDown: p.roleCode === 'leader' })),
  } as Record<ListKind, ListEntry[]>;
  for (const type of DICTIONARY_LISTS) {
    lists[type] = dictionary
      .filter((d) => d.type === type)
      .map((d) => ({ code: d.code, name: d.name, nameEn: d.nameEn, inDropDown: d.enabled }));
  }
  return lookupsOf(lists);
}
