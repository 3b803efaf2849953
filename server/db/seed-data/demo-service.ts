import { addDays } from '../../../common/domain/dates';
import { type PolicyConditions, policyFits } from '../../../common/domain/policy-fit';
import type { Executor } from '../client';
import { type enterprises, type matters, policies, policyDeliveries, visitDemands, visits } from '../schema';
import { INDUSTRY_ITEMS } from './industries';
import { rngFor, seededUuid } from './seeded-random';

/*
 * The demo's enterprise service (invented): visits to the register's local enterprises — the project office's, which
 * raised the demo's enterprise demands (one in each state of the matters loop), and the 北园 street's, which raised
 * none — and two preferential policies pushed to the enterprises they fit, their deliveries told, applied or granted.
 */

export type DemoServiceInput = {
  today: string;
  regionCode: string;
  enterprises: (typeof enterprises.$inferInsert)[];
  matters: (typeof matters.$inferInsert)[];
  unitIds: Map<string, string>;
  userIds: Map<string, string>;
};

export type DemoServiceRows = {
  visits: (typeof visits.$inferInsert)[];
  visitDemands: (typeof visitDemands.$inferInsert)[];
  policies: (typeof policies.$inferInsert)[];
  deliveries: (typeof policyDeliveries.$inferInsert)[];
};

const PURPOSES = ['了解企业生产经营情况', '宣讲惠企政策，收集企业诉求', '回访诉求办理情况', '对接企业扩产用地需求'];
const NOTES = [
  '企业订单饱满，一季度产值同比增长，计划年内新上一条生产线。',
  '企业反映招工难、融资成本高，已记录诉求转有关部门办理。',
  '企业对前期诉求办理结果表示满意，希望加快政策兑现。',
];

/** China Standard Time calendar day of a moment. */
const dayOf = (moment: Date) => new Date(moment.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Builds the demo's visits and policies (no database access). */
export function buildDemoService(input: DemoServiceInput): DemoServiceRows {
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`demo ${what} missing`);
    return value;
  };
  const officeUnit = need(input.unitIds.get('project_office'), 'unit project_office');
  const streetUnit = need(input.unitIds.get('street_beiyuan'), 'unit street_beiyuan');
  const office = need(input.userIds.get('office'), 'user office');
  const clerk = need(input.userIds.get('unit'), 'user unit');
  const invest = need(input.userIds.get('invest'), 'user invest');
  const locals = input.enterprises.filter((e) => e.kind === 'local' && e.id);
  const rows: DemoServiceRows = { visits: [], visitDemands: [], policies: [], deliveries: [] };

  // A visit for each demo enterprise demand, on the day it was raised, by the project office with the investment centre.
  const demands = input.matters.filter((m) => m.source === 'enterprise_demand' && m.id);
  demands.forEach((matter, i) => {
    const enterprise = need(locals[i % locals.length], 'local enterprise');
    const id = seededUuid(rngFor('visit', i));
    rows.visits.push({
      id,
      regionCode: input.regionCode,
      enterpriseId: need(enterprise.id, 'enterprise id'),
      unitId: officeUnit,
      visitDate: matter.createdAt ? dayOf(matter.createdAt) : addDays(input.today, -20),
      visitorUserIds: [office, invest],
      visitorNames: i % 2 === 0 ? ['刘副区长'] : [],
      purpose: PURPOSES[i % 2] ?? '',
      notes: NOTES[1] ?? null,
      createdBy: office,
    });
    rows.visitDemands.push({ visitId: id, matterId: need(matter.id, 'matter id'), position: 0 });
  });
  // The street's own visits, without demands.
  for (let i = 0; i < 4; i += 1) {
    const enterprise = need(locals[(i * 3 + 1) % locals.length], 'local enterprise');
    rows.visits.push({
      id: seededUuid(rngFor('street-visit', i)),
      regionCode: input.regionCode,
      enterpriseId: need(enterprise.id, 'enterprise id'),
      unitId: streetUnit,
      visitDate: addDays(input.today, -(7 + i * 16)),
      visitorUserIds: [clerk],
      visitorNames: ['王社区书记'],
      purpose: PURPOSES[(i % 2) * 2] ?? '',
      notes: i % 2 === 0 ? (NOTES[0] ?? null) : (NOTES[2] ?? null),
      createdBy: clerk,
    });
  }

  // Two policies: one for the district's 专精特新 makers (pushed, some applied and granted), one for all local enterprises.
  const policy = (key: string, values: Omit<typeof policies.$inferInsert, 'id' | 'regionCode' | 'createdBy'>) => {
    const id = seededUuid(rngFor('policy', key));
    rows.policies.push({ id, regionCode: input.regionCode, createdBy: office, ...values });
    return id;
  };
  const srdiConditions: PolicyConditions = {
    tags: ['srdi', 'little_giant'],
    industryCodes: ['C'],
    sizes: ['small', 'medium'],
    regionCodes: [],
    localOnly: true,
  };
  const srdi = policy('srdi', {
    title: '天桥区支持专精特新中小企业高质量发展的若干措施（示例）',
    body: '一、对新认定的国家级专精特新“小巨人”企业给予一次性奖励 50 万元，省级专精特新中小企业给予 20 万元。\n二、对企业新购置研发设备给予 10% 的补助，最高 100 万元。',
    issuer: '天桥区工业和信息化局',
    validFrom: addDays(input.today, -90),
    validTo: addDays(input.today, 640),
    conditions: srdiConditions,
  });
  const all = policy('stabilise', {
    title: '天桥区稳岗就业扶持政策（示例）',
    body: '对不裁员、少裁员的参保企业，按上年度实际缴纳失业保险费的 50% 返还。',
    issuer: '天桥区人力资源和社会保障局',
    validFrom: addDays(input.today, -30),
    validTo: null,
    conditions: { tags: [], industryCodes: [], sizes: [], regionCodes: [], localOnly: true },
  });
  // The enterprises the first policy fits, by the same matcher the page uses (headquarters paths are not needed).
  const sectionOf = new Map(INDUSTRY_ITEMS.map((item) => [item.code, item.parentCode]));
  const srdiFits = locals.filter(
    (e) =>
      policyFits(srdiConditions, {
        kind: e.kind,
        tags: e.tags ?? [],
        industryCode: e.industryCode ?? null,
        industrySection: sectionOf.get(e.industryCode ?? '') ?? null,
        size: e.size ?? null,
        hqRegionPath: null,
      }).fits,
  );
  const states = ['granted', 'applied', 'told'] as const;
  srdiFits.forEach((e, i) => {
    const state = states[i % states.length] ?? 'told';
    const toldAt = new Date(`${addDays(input.today, -80 + i)}T10:00:00+08:00`);
    rows.deliveries.push({
      id: seededUuid(rngFor('delivery', 'srdi', i)),
      policyId: srdi,
      enterpriseId: need(e.id, 'enterprise id'),
      state,
      toldAt,
      appliedAt: state === 'told' ? null : new Date(toldAt.getTime() + 12 * 86_400_000),
      grantedAt: state === 'granted' ? new Date(toldAt.getTime() + 40 * 86_400_000) : null,
      toldBy: invest,
      note: state === 'granted' ? '奖励资金已拨付' : null,
    });
  });
  locals.slice(0, 3).forEach((e, i) => {
    rows.deliveries.push({
      id: seededUuid(rngFor('delivery', 'stabilise', i)),
      policyId: all,
      enterpriseId: need(e.id, 'enterprise id'),
      state: 'told',
      toldAt: new Date(`${addDays(input.today, -20 + i)}T15:00:00+08:00`),
      toldBy: office,
      note: null,
    });
  });
  return rows;
}

/** Inserts the demo's visits and policies; run it inside the seed's transaction, after the enterprises and matters. */
export async function insertDemoService(tx: Executor, rows: DemoServiceRows) {
  if (rows.visits.length) await tx.insert(visits).values(rows.visits);
  if (rows.visitDemands.length) await tx.insert(visitDemands).values(rows.visitDemands);
  if (rows.policies.length) await tx.insert(policies).values(rows.policies);
  if (rows.deliveries.length) await tx.insert(policyDeliveries).values(rows.deliveries);
}
