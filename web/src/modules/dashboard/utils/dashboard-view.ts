import type { Me } from '../../../../../common/schemas/auth';
import type { DashboardParams } from '../api/dashboard-api';

const DISTRICT = /^\d{6}$/;

/** What the dashboard shows, read from its address and its reader: the page and the route's prefetch share it. */
export type DashboardView = {
  year: number;
  /** A district a city or province reader opened (`?regionCode=370105`). */
  regionCode: string | undefined;
  /** A leader starts on the projects he is in charge of (`mine`); anyone may switch to `all`. */
  scope: string;
  isLeader: boolean;
  /** A region scope at a city (370100) or province (370000) reaches several districts; a district's people see one. */
  severalDistricts: boolean;
  figures: DashboardParams;
  highlights: { year: number; regionCode?: string };
};

/** Reads the dashboard's year, district and scope from the address (`thisYear` when none), for this reader. */
export function dashboardViewOf(search: URLSearchParams, me: Pick<Me, 'role' | 'dataScope' | 'region'>, thisYear: number): DashboardView {
  const year = Number(search.get('year')) || thisYear;
  const asked = search.get('regionCode') ?? '';
  const regionCode = DISTRICT.test(asked) ? asked : undefined;
  const isLeader = me.role.code === 'leader';
  const scope = search.get('scope') ?? (isLeader ? 'mine' : 'all');
  return {
    year,
    regionCode,
    scope,
    isLeader,
    severalDistricts: me.dataScope === 'region' && me.region.code.endsWith('00'),
    figures: { year, regionCode, leader: scope === 'mine' ? 'me' : undefined },
    highlights: { year, regionCode },
  };
}
