/** What the statistics read of a visit: who went, when, and the demands raised with their deadline and closing day. */
export type VisitFacts = {
  unitId: string;
  unitName: string;
  /** The China Standard Time calendar day, YYYY-MM-DD. */
  visitDate: string;
  demands: { deadline: string; closedOn: string | null }[];
};

export type VisitStatsLine = {
  key: string;
  name: string;
  visits: number;
  demands: number;
  resolved: number;
  onTime: number;
  resolutionRate: number | null;
  onTimeRate: number | null;
};

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

function line(key: string, name: string, visits: VisitFacts[]): VisitStatsLine {
  const demands = visits.flatMap((v) => v.demands);
  const resolved = demands.filter((d) => d.closedOn !== null);
  // On time: closed (销号) on or before its deadline, both China Standard Time days.
  const onTime = resolved.filter((d) => (d.closedOn ?? '') <= d.deadline).length;
  return {
    key,
    name,
    visits: visits.length,
    demands: demands.length,
    resolved: resolved.length,
    onTime,
    resolutionRate: demands.length ? round4(resolved.length / demands.length) : null,
    onTimeRate: resolved.length ? round4(onTime / resolved.length) : null,
  };
}

/**
 * The enterprise-service figures officials report (走访 N 次, 收集诉求 N 件, 解决 N 件, 按期 N 件) by visiting unit (most
 * visits first) or by month (YYYY-MM, in order), with a total line. Resolution rate = resolved / demands; on-time rate
 * = on time / resolved.
 */
export function visitStats(visits: VisitFacts[], by: 'unit' | 'month', totalName: string) {
  const groups = new Map<string, { name: string; visits: VisitFacts[] }>();
  for (const visit of visits) {
    const key = by === 'unit' ? visit.unitId : visit.visitDate.slice(0, 7);
    const group = groups.get(key) ?? { name: by === 'unit' ? visit.unitName : key, visits: [] };
    group.visits.push(visit);
    groups.set(key, group);
  }
  const lines = [...groups.entries()].map(([key, group]) => line(key, group.name, group.visits));
  lines.sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.visits - a.visits || a.name.localeCompare(b.name, 'zh-CN')));
  return { lines, total: line('total', totalName, visits) };
}
