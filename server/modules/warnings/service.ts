import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import type { warningSettingsUpdateBody } from '../../../common/schemas/warnings';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { notFound, staleVersion } from '../../lib/errors';
import { actorDistrict } from '../regions';
import { presentWarningSettings } from './presenter';
import { recomputeWarnings } from './recompute';
import { districtProjectIds, findWarningSettings, saveWarningSettings } from './repository';

/**
 * Changes the actor's district's warning thresholds at the version read (0 while it uses the defaults), audited, and
 * recomputes the district's colours in the same transaction so every list shows them by the new thresholds at once.
 */
export async function updateWarningSettings({
  ctx,
  tx,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  input: z.infer<typeof warningSettingsUpdateBody>;
}) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw notFound();
  const current = await findWarningSettings(tx, district.code);
  if ((current?.version ?? 0) !== input.version) throw staleVersion();
  const saved = await saveWarningSettings(tx, {
    regionCode: district.code,
    thresholds: input.thresholds,
    version: input.version,
    updatedBy: ctx.actor.userId,
  });
  if (!saved) throw staleVersion();
  await recordAudit(tx, ctx, {
    action: 'warning_settings.update',
    recordType: 'warning_settings',
    recordId: district.code,
    regionCode: district.code,
    ...changedFields(presentWarningSettings(district.code, current).thresholds, saved.thresholds),
  });
  await recomputeWarnings(tx, await districtProjectIds(tx, district.code), todayInChina());
  return presentWarningSettings(district.code, saved);
}
