import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PERMISSIONS, DEFAULT_ROLE_SCOPE, ROLE_CODES, type RoleCode } from '../../../common/permissions';
import { REPORT_STATUSES, type ReportStatus } from '../../../common/schemas/reports';
import type { Actor } from '../../lib/actor';
import { periodAbilities, periodListAbilities, reportAbilities } from './policy';

const holderOf = (role: RoleCode): Actor => ({
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
  permissions: new Set(DEFAULT_ROLE_PERMISSIONS[role]),
  locale: 'zh-CN',
  mustChangePassword: false,
  mustEnrolTotp: false,
  via: 'session',
});

const NONE = { fill: false, submit: false, approve: false, return: false };
const FILL = { fill: true, submit: true, approve: false, return: false };
const REVIEW = { fill: false, submit: false, approve: true, return: true };

const on = (role: RoleCode, status: ReportStatus, manageable = true, periodStatus: 'open' | 'closed' = 'open') =>
  reportAbilities(holderOf(role), { status, periodStatus, manageable });

describe('reports policy', () => {
  it('lets the unit clerk and the office fill and submit a draft or returned report of a project they may write to', () => {
    for (const status of ['draft', 'returned'] as const) {
      expect(on('unit_staff', status)).toEqual(FILL);
      expect(on('project_office', status)).toEqual(FILL);
      expect(on('admin', status)).toEqual(FILL);
      for (const role of ['leader', 'investment_staff', 'supervisor'] as const) expect(on(role, status), role).toEqual(NONE);
    }
  });

  it('lets only the office (and the administrator) approve or return a submitted report', () => {
    expect(on('project_office', 'submitted')).toEqual(REVIEW);
    expect(on('admin', 'submitted')).toEqual(REVIEW);
    for (const role of ['unit_staff', 'leader', 'investment_staff', 'supervisor'] as const)
      expect(on(role, 'submitted'), role).toEqual(NONE);
  });

  it('allows nothing on an approved report, on a project seen but not writable, or in a closed period', () => {
    for (const role of ROLE_CODES) {
      expect(on(role, 'approved'), role).toEqual(NONE);
      for (const status of REPORT_STATUSES) {
        expect(on(role, status, false), `${role} ${status} not writable`).toEqual(NONE);
        expect(on(role, status, true, 'closed'), `${role} ${status} closed`).toEqual(NONE);
      }
    }
  });

  it('lets only the office manage an open period', () => {
    const all = { close: true, reopen: false, addProject: true, removeProject: true };
    const none = { close: false, reopen: false, addProject: false, removeProject: false };
    expect(periodAbilities(holderOf('project_office'), { status: 'open' })).toEqual(all);
    expect(periodAbilities(holderOf('project_office'), { status: 'closed' })).toEqual({ ...none, reopen: true });
    expect(periodListAbilities(holderOf('project_office'))).toEqual({ open: true });
    for (const role of ['unit_staff', 'leader', 'investment_staff', 'supervisor'] as const) {
      expect(periodAbilities(holderOf(role), { status: 'open' }), role).toEqual(none);
      expect(periodAbilities(holderOf(role), { status: 'closed' }), role).toEqual(none);
      expect(periodListAbilities(holderOf(role)), role).toEqual({ open: false });
    }
  });

  it('gives every role that reads projects the right to read their reports', () => {
    for (const role of ROLE_CODES) {
      expect(DEFAULT_ROLE_PERMISSIONS[role].includes('project.read'), role).toBe(DEFAULT_ROLE_PERMISSIONS[role].includes('report.read'));
    }
  });
});
