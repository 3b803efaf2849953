import type { z } from 'zod';
import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { MatterSource } from '../../../common/enums';
import type { matterStatsLineSchema, matterStatsSchema } from '../../../common/schemas/matters';
import type { MatterStatsBy, MatterStatsCounts } from './stats-repository';

type Line = z.infer<typeof matterStatsLineSchema>;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The rates of one line: resolution rate = resolved / raised, on-time rate = resolved on time / resolved, average days. */
function withRates(counts: Omit<MatterStatsCounts, 'name'> & { name: string }): Line {
  return {
    key: counts.key,
    name: counts.name,
    raised: counts.raised,
    resolved: counts.resolved,
    resolvedOnTime: counts.resolvedOnTime,
    overdue: counts.overdue,
    resolutionRate: counts.raised ? round(counts.resolved / counts.raised, 4) : null,
    onTimeRate: counts.resolved ? round(counts.resolvedOnTime / counts.resolved, 4) : null,
    averageDays: counts.resolved ? round(counts.resolvedDays / counts.resolved, 1) : null,
  };
}

/** The statistics with their rates and a total line; sources named in the reader's language. */
export function presentStats(locale: Locale, by: MatterStatsBy, lines: MatterStatsCounts[]): z.infer<typeof matterStatsSchema> {
  const named = lines.map((line) => ({
    ...line,
    name: by === 'source' ? enumLabel(locale, 'matterSource', line.key as MatterSource) : (line.name ?? line.key),
  }));
  const sum = (field: 'raised' | 'resolved' | 'resolvedOnTime' | 'overdue' | 'resolvedDays') =>
    lines.reduce((total, line) => total + line[field], 0);
  const total = withRates({
    key: 'total',
    name: locale === 'zh-CN' ? '合计' : 'Total',
    raised: sum('raised'),
    resolved: sum('resolved'),
    resolvedOnTime: sum('resolvedOnTime'),
    overdue: sum('overdue'),
    resolvedDays: sum('resolvedDays'),
  });
  return { by, lines: named.map(withRates), total };
}
