/**
 * An intranet map tile server's address template, drawn under the one map: http or https only, with the {z}, {x}
 * and {y} placeholders of the XYZ (slippy map) scheme, at most 500 characters, no user name or password in it.
 */
export const TILE_URL_MAX = 500;

export function isTileUrl(value: string): boolean {
  if (value.length > TILE_URL_MAX || /\s/.test(value)) return false;
  if (!['{z}', '{x}', '{y}'].every((placeholder) => value.includes(placeholder))) return false;
  let url: URL;
  try {
    url = new URL(value.replace(/\{([xyz])\}/g, '0'));
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password;
}

/** The address of one tile of the template. */
export const tileAddress = (template: string, z: number, x: number, y: number) =>
  template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
