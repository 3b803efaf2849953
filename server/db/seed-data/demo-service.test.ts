import { describe, expect, it } from 'vitest';
import { MATTER_STATUSES } from '../../../common/enums';
import { buildDemoEnterprises } from './demo-enterprises';
import { buildDemoService } from './demo-service';

const today = '2026-06-15';
const enterprises = buildDemoEnterprises('370105', null);
// One enterprise demand in each state of the loop, as the demo's matters have them.
const matters = MATTER_STATUSES.map((status, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  source: 'enterprise_demand' as const,
  status,
  createdAt: new Date(`2026-05-0${i + 1}T09:00:00+08:00`),
  regionCode: '370105',
  title: '企业反映用工招聘困难',
  description: '…',
  category: 'talent',
  leadUnitId: 'u',
  raisingUnitId: 'u',
  raisedBy: 'p',
  deadline: '2026-06-30',
}));
const ids = (keys: string[]) => new Map(keys.map((k) => [k, `id-${k}`]));
const rows = buildDemoService({
  today,
  regionCode: '370105',
  enterprises,
  matters,
  unitIds: ids(['project_office', 'street_beiyuan']),
  userIds: ids(['office', 'unit', 'invest']),
});

describe('the demo enterprise service', () => {
  it('raises each demo enterprise demand in a visit on the day it was raised, to a local enterprise', () => {
    expect(rows.visitDemands.map((d) => d.matterId).sort()).toEqual(matters.map((m) => m.id).sort());
    const locals = new Set(enterprises.filter((e) => e.kind === 'local').map((e) => e.id));
    for (const visit of rows.visits) expect(locals.has(visit.enterpriseId)).toBe(true);
    const first = rows.visits.find((v) => v.id === rows.visitDemands.find((d) => d.matterId === matters[0]?.id)?.visitId);
    expect(first?.visitDate).toBe('2026-05-01');
    // The 北园 street's visits too, none in the future.
    expect(rows.visits.filter((v) => v.unitId === 'id-street_beiyuan').length).toBeGreaterThanOrEqual(3);
    expect(rows.visits.every((v) => v.visitDate <= today)).toBe(true);
  });

  it('has two policies, pushed to enterprises in every delivery state, each delivery dated as far as it went', () => {
    expect(rows.policies).toHaveLength(2);
    expect(new Set(rows.deliveries.map((d) => d.state))).toEqual(new Set(['told', 'applied', 'granted']));
    for (const d of rows.deliveries) {
      expect(d.appliedAt === null || d.appliedAt === undefined).toBe(d.state === 'told');
      expect(Boolean(d.grantedAt)).toBe(d.state === 'granted');
    }
    const pairs = rows.deliveries.map((d) => `${d.policyId}:${d.enterpriseId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});
