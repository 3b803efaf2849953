import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';

export type ExportDistrict = { code: string; name: string; path: string };

/**
 * The region a download speaks for (the ledger's title, the lists a sheet names): the actor's own region, or for
 * someone at a street (乡镇/街道) the district the street belongs to, since projects belong to districts.
 */
export async function exportDistrict(db: Executor, actor: Actor): Promise<ExportDistrict> {
  const find = async (code: string) => {
    const [row] = await db
      .select({ code: regions.code, name: regions.name, path: regions.path, level: regions.level, parentCode: regions.parentCode })
      .from(regions)
      .where(eq(regions.code, code));
    return row;
  };
  const own = await find(actor.regionCode);
  if (!own) throw new Error(`the actor's region ${actor.regionCode} does not exist`);
  const district = own.level === 'street' && own.parentCode ? ((await find(own.parentCode)) ?? own) : own;
  return { code: district.code, name: district.name, path: district.path };
}
