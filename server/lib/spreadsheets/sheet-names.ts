/** A name as a sheet's cell is compared with the records': full-width folded (NFKC), without spaces, any case. */
export const sheetNameKey = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Records by the name a sheet writes for them: the ids of every record so named (several: the name is ambiguous). */
export function namesIndex(rows: readonly { id: string; name: string }[]): (name: string) => string[] {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(sheetNameKey(r.name), [...(map.get(sheetNameKey(r.name)) ?? []), r.id]);
  return (name: string) => map.get(sheetNameKey(name)) ?? [];
}
