import type { z } from 'zod';
import { type WarningReason, type WarningSettings, DEFAULT_WARNING_SETTINGS } from '../../../common/domain/warnings';
import { describeWarningReason } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { projectWarningSchema, warningReasonSchema, warningSettingsResponse } from '../../../common/schemas/warnings';
import type { SnapshotRow, StoredWarning, WarningSettingsRow } from './repository';

/** A reason with its facts and the sentence that words it in the reader's language. */
export const presentReason = (reason: WarningReason, locale: Locale): z.infer<typeof warningReasonSchema> => ({
  ...reason,
  text: describeWarningReason(locale, reason),
});

export function presentProjectWarning(
  projectId: string,
  current: StoredWarning | null,
  history: SnapshotRow[],
  locale: Locale,
): z.infer<typeof projectWarningSchema> {
  return {
    projectId,
    colour: current?.colour ?? null,
    reasons: (current?.reasons ?? []).map((r) => presentReason(r, locale)),
    asOf: current?.asOf ?? null,
    computedAt: current?.computedAt.toISOString() ?? null,
    history: history.map((h) => ({
      year: h.year,
      month: h.month,
      colour: h.colour,
      reasons: h.reasons.map((r) => presentReason(r, locale)),
    })),
  };
}

export function presentWarningSettings(regionCode: string, row: WarningSettingsRow | null): z.infer<typeof warningSettingsResponse> {
  const thresholds: WarningSettings = { ...DEFAULT_WARNING_SETTINGS, ...(row?.thresholds ?? {}) };
  return { regionCode, thresholds, isDefault: row === null, version: row?.version ?? 0 };
}
