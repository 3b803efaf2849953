import type { Settings } from '../../../common/schemas/reference';
import type { SettingsRow } from './repository';

/** The instance settings as the API shows them. */
export const presentSettings = (row: SettingsRow): Settings => ({
  sessionIdleMinutes: row.sessionIdleMinutes,
  sessionAbsoluteHours: row.sessionAbsoluteHours,
  lockoutThreshold: row.lockoutThreshold,
  lockoutBaseMinutes: row.lockoutBaseMinutes,
  mapTileUrl: row.mapTileUrl,
  version: row.version,
});
