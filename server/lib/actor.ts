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
  roleCode: RoleCode;
  dataScope: DataScope;
  scopeUnitIds: string[];
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
