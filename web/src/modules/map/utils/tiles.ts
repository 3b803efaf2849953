import { tileAddress } from '../../../../../common/domain/tile-url';

/** The XYZ (Web Mercator) tile holding a longitude/latitude at a zoom level. */
export const tileX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
export function tileY(lat: number, z: number) {
  const rad = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}
/** The north-west corner of a tile in longitude/latitude. */
export const tileCorner = (x: number, y: number, z: number): [number, number] => [
  (x / 2 ** z) * 360 - 180,
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI,
];

/** The most tiles drawn at once; past it the zoom level goes down one. */
const MAX_TILES = 64;

export type Tile = { url: string; nw: [number, number]; se: [number, number] };

/**
 * The tiles covering a view [west, south, east, north] at the zoom where a tile is about 256 screen pixels wide, with
 * the corners each is stretched between (the map's base is plain longitude/latitude; inside one tile the difference
 * from Web Mercator is far below a pixel at district scale).
 */
export function tilesForView(template: string, view: [number, number, number, number], widthPx: number): Tile[] {
  const [west, south, east, north] = view;
  const degreesPerPixel = (east - west) / Math.max(widthPx, 1);
  let z = Math.max(3, Math.min(18, Math.round(Math.log2(360 / (256 * degreesPerPixel)))));
  for (; z >= 3; z--) {
    const [x0, x1, y0, y1] = [tileX(west, z), tileX(east, z), tileY(north, z), tileY(south, z)];
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES) continue;
    const tiles: Tile[] = [];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++)
        tiles.push({ url: tileAddress(template, z, x, y), nw: tileCorner(x, y, z), se: tileCorner(x + 1, y + 1, z) });
    }
    return tiles;
  }
  return [];
}
