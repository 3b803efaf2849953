import type { Executor } from '../client';
import { scoringRules } from '../schema';

/*
 * The city's scoring rule (市对区县考核, issue 15 "Regions above districts"): 济南市 ranks its districts — 天桥区 and the
 * demo's two smaller invented districts — each on the sums over its units. In the style of the districts' demo rule
 * (weighted completion ratios, a tier for beating the plan, points for large projects and 500强 projects, deductions),
 * with the counted terms capped so that a district's size alone does not decide its place. Illustrative.
 */
export const DEMO_CITY_FORMULA = [
  '40 * min(investment_completion, 1.2)',
  '+ 20 * min(new_starts_ratio, 1)',
  '+ 10 * pledges_done_ratio',
  '+ 15 * reports_on_time_ratio',
  '+ 5 * matters_closed_on_time_ratio',
  '+ tier(investment_completion, [100%, 2], [110%, 4])',
  '+ min(0.2 * count_projects(investment >= 10亿), 5)',
  '+ min(fortune500_projects, 3)',
  '- min(0.1 * not_started_by_deadline, 3)',
  '- min(0.1 * late_reports, 3)',
  '- min(0.05 * red_months, 3)',
].join('\n');

const CITY_NOTE =
  '示范评分办法：市对区县重点项目考核，按各区县全部单位的合计计算（加权完成率、超计划加分、大项目和500强项目加分、扣分项封顶）';

/** The province's rule note: the same formula, each city's variables summed over its districts. */
export const DEMO_PROVINCE_NOTE =
  '示范评分办法：省对市重点项目考核，按各市所辖区县全部单位的合计计算（加权完成率、超计划加分、大项目和500强项目加分、扣分项封顶）';

/**
 * The city's rule for the year as version 1, written by its key projects service centre (the monthly job ranks by it);
 * the province's the same formula written by its DRC, ranking its cities.
 */
export async function insertDemoCityRule(
  tx: Executor,
  {
    regionCode,
    year,
    authorName = '市重点项目服务中心',
    note = CITY_NOTE,
  }: { regionCode: string; year: number; authorName?: string; note?: string },
) {
  await tx.insert(scoringRules).values({
    regionCode,
    year,
    version: 1,
    formula: DEMO_CITY_FORMULA,
    groups: null,
    note,
    authorId: null,
    authorName,
  });
}
