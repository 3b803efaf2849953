import type { Locale } from '../../common/locale';
import type { DataScope, Permission, RoleCode } from '../../common/permissions';

/** The signed-in person (or the system calling with a token) on whose behalf a request runs. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  unitId: string;
  /** Unit ids from the root down, each followed by '/'. */
  unitPath: string;
  regionCode: string;
  /** Region codes from the root down, each followed by '/'. */
  regionPath: string;
  /**
   * His jurisdiction: the codes of his region and of every region below it, resolved when he is loaded (one array
   * the scope's SQL compares with). Null when there are too many to list (more than 256: a province's 2,021, a large
   * city's): the scope's SQL then reads them through the region path.
   */
  jurisdictionRegionCodes: string[] | null;
  roleCode: RoleCode;
  dataScope: DataScope;
  scopeUnitIds: string[];
  /**
   * He is a leader in charge of at least one project (read when he is loaded). Only then is "a leader in charge"
   * a reason a project is visible to him; for everyone else the project scope is a plain condition on indexed columns.
   */
  leadsProjects: boolean;
  /**
   * How many projects he is in charge of, counted up to `LED_PROJECTS_COUNTED` (read when he is loaded): a district
   * leader's tens to hundreds are read through the leaders' index; many more, through the district's projects.
   */
  ledProjects: number;
  permissions: ReadonlySet<Permission>;
  locale: Locale;
  mustChangePassword: boolean;
  /** The role requires a second factor the user has not set up: only enrolment is open (sessions only). */
  mustEnrolTotp: boolean;
  via: 'session' | 'token';
};

export const can = (actor: Actor, permission: Permission) => actor.permissions.has(permission);

/** What a service needs to know about the request besides its input: who, from where, under which id. */
export type RequestContext = { actor: Actor; ip: string; requestId: string };

/** The projects a leader is in charge of are counted up to this many (`Actor.ledProjects`). */
export const LED_PROJECTS_COUNTED = 2_000;
