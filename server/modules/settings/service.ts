import type { z } from 'zod';
import type { settingsUpdateBody } from '../../../common/schemas/reference';
import type { Tx } from '../../db/client';
import { settings } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { invalidField, staleVersion } from '../../lib/errors';
import { presentSettings } from './presenter';
import { type SettingsRow, findSettings } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type UpdateInput = z.infer<typeof settingsUpdateBody>;

/** Changes the instance settings; they apply at once, so a shorter idle timeout ends idle sessions on their next request. */
export async function updateSettings({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: UpdateInput }): Promise<SettingsRow> {
  const current = await findSettings(tx);
  if (current.version !== input.version) throw staleVersion();
  const next = {
    sessionIdleMinutes: input.sessionIdleMinutes ?? current.sessionIdleMinutes,
    sessionAbsoluteHours: input.sessionAbsoluteHours ?? current.sessionAbsoluteHours,
    lockoutThreshold: input.lockoutThreshold ?? current.lockoutThreshold,
    lockoutBaseMinutes: input.lockoutBaseMinutes ?? current.lockoutBaseMinutes,
    mapTileUrl: input.mapTileUrl === undefined ? current.mapTileUrl : input.mapTileUrl,
  };
  // A session must be able to stay idle for the whole idle timeout before its absolute timeout ends it.
  if (next.sessionAbsoluteHours * 60 < next.sessionIdleMinutes) {
    const path = input.sessionAbsoluteHours === undefined ? 'sessionIdleMinutes' : 'sessionAbsoluteHours';
    throw invalidField(path, 'setting.session_absolute_shorter_than_idle');
  }
  const updated = await updateAtVersion(tx, settings, { key: settings.id, keyValue: 1, version: input.version }, { ...next });
  await recordAudit(tx, ctx, {
    action: 'settings.update',
    recordType: 'settings',
    recordId: '1',
    ...changedFields(presentSettings(current), presentSettings(updated)),
  });
  return updated;
}
