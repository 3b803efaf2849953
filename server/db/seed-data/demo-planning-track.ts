/**
 * The planning track (策划) of a demo project: a proposal, the feasibility study, the place on one of the district's
 * industry chains, and the output and tax expected in production. Pure data: no database code.
 */
import { addDays, minDate } from '../../../common/domain/dates';
import type { projects } from '../schema';
import { between, chance, intBetween, pickOne, rngFor } from './seeded-random';

type PlanningTrack = Pick<
  typeof projects.$inferInsert,
  | 'proposal'
  | 'feasibilityStatus'
  | 'feasibilityApprovedOn'
  | 'chainCode'
  | 'chainSegment'
  | 'chainNode'
  | 'expectedOutputYuan'
  | 'expectedTaxYuan'
>;

type ChainShape = { name: string; nodes: Record<'upstream' | 'midstream' | 'downstream', string[]> };

// Each leading industry's chain in the `industry_chain` dictionary, with the nodes its projects sit on.
const CHAINS: Record<string, { code: string } & ChainShape> = {
  med_devices: {
    code: 'med_devices',
    name: '医疗器械',
    nodes: {
      upstream: ['医用高分子材料', '精密零部件'],
      midstream: ['体外诊断设备', '医学影像设备', '高值医用耗材'],
      downstream: ['医药流通', '第三方医学检验'],
    },
  },
  smart_equip: {
    code: 'smart_equip',
    name: '智能制造装备',
    nodes: {
      upstream: ['伺服电机', '智能传感器'],
      midstream: ['工业机器人', '数控机床', '新能源汽车零部件'],
      downstream: ['系统集成', '工业互联网平台'],
    },
  },
  new_materials: {
    code: 'new_materials',
    name: '新型功能材料',
    nodes: {
      upstream: ['碳纤维原丝', '再生资源'],
      midstream: ['复合材料', '氢能膜电极', '绿色建材'],
      downstream: ['装配式建筑构件', '新能源应用'],
    },
  },
  testing: {
    code: 'testing',
    name: '检验检测',
    nodes: {
      upstream: ['检测仪器设备'],
      midstream: ['医学检验', '食品药品检测', '计量校准'],
      downstream: ['认证服务', '检测公共服务平台'],
    },
  },
  agri_machinery: {
    code: 'agri_machinery',
    name: '农机装备',
    nodes: { upstream: ['农机零部件'], midstream: ['智能农机整机'], downstream: ['农机社会化服务'] },
  },
  logistics_trade: {
    code: 'logistics',
    name: '现代物流',
    nodes: { upstream: ['物流装备'], midstream: ['智慧仓储', '冷链物流'], downstream: ['供应链服务', '商贸流通'] },
  },
};
const SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
const SEGMENT_NAMES = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;

// Why a project without a chain is worth doing, by category, as a proposal would put it.
const PURPOSES: Record<string, string> = {
  urban_renewal: '改善片区人居环境，盘活存量低效用地，推动城市有机更新',
  infrastructure: '完善区域交通和市政基础设施，提升城市综合承载能力',
  livelihood: '补齐教育、医疗、养老等公共服务短板，增强群众获得感',
  eco_env: '改善黄河沿线生态环境质量，推动绿色低碳发展',
  modern_service: '培育现代服务业新业态，提升城市功能品质',
  agri_rural: '推进农业现代化和乡村振兴，带动农民增收',
  sci_innovation: '集聚创新资源，促进科技成果就地转化',
  industrial: '壮大实体经济，培育新的经济增长点',
};
const NON_PRODUCTIVE = new Set(['urban_renewal', 'infrastructure', 'livelihood']);
const WAN = 10_000;
const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

export type PlanningTrackFacts = {
  name: string;
  category: string;
  leading: string | null;
  /** Still in the planning pool (策划库): the feasibility study may not be done yet. */
  planning: boolean;
  approvalType: 'approval' | 'ratification' | 'filing';
  totalYuan: number;
  createdOn: string;
  yesterday: string;
};

/** A demo project's planning-track records, from their own random stream so the other demo figures stay as they are. */
export function planningTrackFor(facts: PlanningTrackFacts): PlanningTrack {
  const r = rngFor(facts.name, 'planning-track');
  const chain = facts.leading ? CHAINS[facts.leading] : undefined;
  const productive = !!chain && !NON_PRODUCTIVE.has(facts.category);
  // Government-invested projects (审批制) have their study approved; an enterprise's (核准、备案) is only completed.
  const feasibilityStatus = facts.planning
    ? pickOne(r, ['not_started', 'preparing', 'completed'] as const)
    : facts.approvalType === 'approval'
      ? 'approved'
      : 'completed';
  const feasibilityApprovedOn =
    feasibilityStatus === 'approved' ? minDate(facts.yesterday, addDays(facts.createdOn, intBetween(r, 15, 60))) : null;
  if (!chain) {
    return {
      proposal: `${PURPOSES[facts.category] ?? PURPOSES.industrial}。`,
      feasibilityStatus,
      feasibilityApprovedOn,
      chainCode: null,
      chainSegment: null,
      chainNode: null,
      expectedOutputYuan: null,
      expectedTaxYuan: null,
    };
  }
  const segment = pickOne(r, SEGMENTS);
  const node = pickOne(r, chain.nodes[segment]);
  const output = productive ? roundTo(facts.totalYuan * between(r, 1.2, 2.6), 100 * WAN) : null;
  const tax = output !== null ? roundTo(output * between(r, 0.04, 0.09), 10 * WAN) : null;
  return {
    proposal: `聚焦${chain.name}产业链${SEGMENT_NAMES[segment]}“${node}”环节${chance(r, 0.5) ? '补链强链' : '延链拓链'}，${PURPOSES[facts.category] ?? PURPOSES.industrial}。`,
    feasibilityStatus,
    feasibilityApprovedOn,
    chainCode: chain.code,
    chainSegment: segment,
    chainNode: node,
    expectedOutputYuan: output,
    expectedTaxYuan: tax,
  };
}
