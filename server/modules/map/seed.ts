import { readFileSync } from 'node:fs';
import { checkBoundary } from '../../../common/domain/boundary';
import type { Executor } from '../../db/client';
import { saveBoundary } from './repository';

const DEMO_FILE = new URL('../../db/seed-data/jinan-districts.geojson', import.meta.url);
/** The demo's city; its districts are the file's features, each `id` a GB/T 2260 code. */
const DEMO_CITY = '370100';

/**
 * Stores the demo boundaries: 济南市 (all its districts as one FeatureCollection) and each district on its own,
 * from server/db/seed-data/jinan-districts.geojson (see the README there for its source and licence). Streets are not
 * in the file. Returns the codes stored.
 */
export async function seedDemoBoundaries(db: Executor): Promise<string[]> {
  const check = checkBoundary(JSON.parse(readFileSync(DEMO_FILE, 'utf8')));
  if (!check.ok) throw new Error(`the demo boundary file is not valid: ${JSON.stringify(check.problems)}`);
  const stored = [DEMO_CITY];
  await saveBoundary(db, {
    regionCode: DEMO_CITY,
    geojson: check.collection,
    vertexCount: check.vertexCount,
    bbox: check.bbox,
    source: 'demo',
    updatedBy: null,
  });
  for (const feature of check.collection.features) {
    const one = checkBoundary(feature);
    if (!one.ok) continue;
    const regionCode = String(feature.id);
    await saveBoundary(db, {
      regionCode,
      geojson: one.collection,
      vertexCount: one.vertexCount,
      bbox: one.bbox,
      source: 'demo',
      updatedBy: null,
    });
    stored.push(regionCode);
  }
  return stored;
}
