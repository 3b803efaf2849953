import { describe, expect, it } from 'vitest';
import {
  DATA_SCOPES,
  DEFAULT_ROLE_PERMISSIONS,
  DEFAULT_ROLE_SCOPE,
  ROLE_CODES,
  type DataScope,
  type Permission,
  type RoleCode,
} from '../../../common/permissions';
import type { Actor } from '../../lib/actor';
import { canGrantRole, canGrantScope, canManageUser } from './policy';

const actorWith = (permissions: readonly Permission[], dataScope: DataScope): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  unitId: 'unit',
  unitPath: 'unit/',
  regionCode: '370105',
  regionPath: '370000/370100/370105/',
  jurisdictionRegionCodes: ['370105'],
  roleCode: 'admin',
  dataScope,
  scopeUnitIds: [],
  leadsProjects: false,
  ledProjects: 0,
  permissions: new Set(permissions),
  locale: 'zh-CN',
  mustChangePassword: false,
  mustEnrolTotp: false,
  via: 'session',
});

const holderOf = (role: RoleCode) => actorWith(DEFAULT_ROLE_PERMISSIONS[role], DEFAULT_ROLE_SCOPE[role]);
const grantable = (actor: Actor) => ROLE_CODES.filter((code) => canGrantRole(actor, DEFAULT_ROLE_PERMISSIONS[code]));

describe('users policy', () => {
  it('lets each default role grant only roles that hold nothing it lacks', () => {
    expect(grantable(holderOf('admin'))).toEqual([...ROLE_CODES]);
    expect(grantable(holderOf('project_office'))).toEqual(['project_office', 'unit_staff', 'leader', 'investment_staff', 'supervisor']);
    // Unit staff may update their projects and investment staff may propose new ones: readers cannot grant that.
    expect(grantable(holderOf('supervisor'))).toEqual(['leader', 'supervisor']);
    expect(grantable(holderOf('leader'))).toEqual(['leader']);
    expect(grantable(holderOf('unit_staff'))).toEqual(['unit_staff']);
  });

  it('ignores permission names the code no longer knows', () => {
    expect(canGrantRole(holderOf('unit_staff'), ['unit.read', 'legacy.thing'])).toBe(true);
  });

  it('never grants a data scope wider than the actor’s', () => {
    const wider = (a: DataScope) => DATA_SCOPES.filter((s) => !canGrantScope(actorWith([], a), s));
    expect(wider('region')).toEqual([]);
    expect(wider('unit_tree')).toEqual(['region']);
    expect(wider('unit')).toEqual(['region', 'unit_tree']);
    expect(wider('custom')).toEqual(['region', 'unit_tree']);
    expect(wider('own')).toEqual(['region', 'unit_tree', 'unit', 'custom']);
  });

  it('manages only accounts the actor could have created, and always its own', () => {
    for (const role of ROLE_CODES) {
      const self = holderOf(role);
      expect(canManageUser(self, { rolePermissions: DEFAULT_ROLE_PERMISSIONS[role], dataScope: DEFAULT_ROLE_SCOPE[role] }), role).toBe(
        true,
      );
    }
    const office = holderOf('project_office');
    expect(canManageUser(office, { rolePermissions: DEFAULT_ROLE_PERMISSIONS.admin, dataScope: 'region' })).toBe(false);
    expect(canManageUser(office, { rolePermissions: DEFAULT_ROLE_PERMISSIONS.leader, dataScope: 'region' })).toBe(true);
    const narrowOffice = actorWith(DEFAULT_ROLE_PERMISSIONS.project_office, 'unit');
    expect(canManageUser(narrowOffice, { rolePermissions: DEFAULT_ROLE_PERMISSIONS.leader, dataScope: 'region' })).toBe(false);
  });
});
