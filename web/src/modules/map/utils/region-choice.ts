/** A region as the picker needs it (the regions API's rows). */
export type RegionOption = { code: string; name: string; level: string };

const CODE = /^\d{6}$/;

/**
 * Whether the viewer sees several districts and so picks the region of the map: a region scope at a city (370100)
 * or province (370000) — the dashboard's rule; a district's or street's people see one.
 */
export const seesSeveralDistricts = (me: { dataScope: string; region: { code: string } }) =>
  me.dataScope === 'region' && CODE.test(me.region.code) && me.region.code.endsWith('00');

/**
 * The map's region picked from the address (`region=`): one of the viewer's own region's children, else none (his
 * whole region). Anything else in the address is ignored rather than asked for.
 */
export function pickedRegion(param: string | null, children: RegionOption[] | undefined): RegionOption | undefined {
  if (!param || !CODE.test(param)) return undefined;
  return children?.find((child) => child.code === param);
}

/**
 * The districts whose projects the map shows for the region picked (projects belong to districts): the district
 * itself, or the districts of a city picked by a province reader (its children, once loaded — `undefined` until then, so nothing wrong is drawn
 * meanwhile); with nothing picked, no narrowing (`null`: the list's own filters alone).
 */
export function projectDistricts(picked: RegionOption | undefined, grandchildren: RegionOption[] | undefined): string[] | null | undefined {
  if (!picked) return null;
  if (picked.level !== 'city' && picked.level !== 'province') return [picked.code];
  return grandchildren?.map((district) => district.code);
}

/** The picker's options: the viewer's whole region first, then its children by code. */
export function regionOptions(own: { code: string; name: string }, children: RegionOption[], whole: (name: string) => string) {
  return [
    { value: '', label: whole(own.name) },
    ...[...children].sort((a, b) => a.code.localeCompare(b.code)).map((child) => ({ value: child.code, label: child.name })),
  ];
}
