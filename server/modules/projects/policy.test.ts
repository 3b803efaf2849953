import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, type Permission, ROLE_CODES, type RoleCode } from '../../../common/permissions';
import type { Pool } from '../../../common/schemas/projects';
import type { Actor } from '../../lib/actor';
import { projectAbilities, projectListAbilities } from './policy';

const holderOf = (role: RoleCode, permissions: readonly Permission[] = DEFAULT_ROLE_PERMISSIONS[role]): Actor => ({
  userId: 'u',
  username: role,
  displayName: role,
  unitId: 'unit',
  unitPath: 'unit/',
  regionCode: '370105',
  regionPath: '370000/370100/370105/',
  jurisdictionRegionCodes: ['370105'],
  roleCode: role,
  dataScope: DEFAULT_ROLE_SCOPE[role],
  scopeUnitIds: [],
  leadsProjects: false,
  ledProjects: 0,
  permissions: new Set(permissions),
  locale: 'zh-CN',
  mustChangePassword: false,
  mustEnrolTotp: false,
  via: 'session',
});

const inScope = (pool: Pool = 'planning') => ({ pool, manageable: true });
const onlySeen = (pool: Pool = 'planning') => ({ pool, manageable: false });
const NONE = { update: false, move: false, moveBack: false, plan: false, annualPlan: false, freezePlan: false };
const ALL = { update: true, move: true, moveBack: true, plan: true, annualPlan: true, freezePlan: true };

describe('projects policy', () => {
  it('gives each default role its abilities on a project whose lead unit is in its scope', () => {
    const on = (role: RoleCode) => projectAbilities(holderOf(role), inScope('advancing'));
    expect(on('admin')).toEqual(ALL);
    expect(on('project_office')).toEqual(ALL);
    expect(on('unit_staff')).toEqual({ ...NONE, update: true, plan: true });
    expect(on('leader')).toEqual(NONE);
    expect(on('investment_staff')).toEqual(NONE);
    expect(on('supervisor')).toEqual(NONE);
  });

  it('lets no role edit a project it sees only as its leader in charge or co-unit', () => {
    for (const role of ROLE_CODES) expect(projectAbilities(holderOf(role), onlySeen('advancing')), role).toEqual(NONE);
  });

  it('offers only the moves the pool allows', () => {
    const office = holderOf('project_office');
    expect(projectAbilities(office, inScope('planning'))).toMatchObject({ move: true, moveBack: false });
    expect(projectAbilities(office, inScope('implementing'))).toMatchObject({ move: true, moveBack: true });
    expect(projectAbilities(office, inScope('completed'))).toMatchObject({ move: false, moveBack: true });
    expect(projectAbilities(office, inScope('withdrawn'))).toMatchObject({ move: false, moveBack: true });
    const forwardOnly = holderOf('project_office', ['project.read', 'project.move']);
    expect(projectAbilities(forwardOnly, inScope('implementing'))).toMatchObject({ move: true, moveBack: false });
  });

  it('gives list abilities per role', () => {
    const list = (role: RoleCode) => projectListAbilities(holderOf(role));
    expect(list('project_office')).toEqual({ create: true, import: true, export: true });
    expect(list('investment_staff')).toEqual({ create: true, import: false, export: true });
    expect(list('unit_staff')).toEqual({ create: false, import: true, export: true });
    expect(list('supervisor')).toEqual({ create: false, import: false, export: true });
  });
});
