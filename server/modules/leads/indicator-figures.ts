import { and, eq, sql } from 'drizzle-orm';
import { minDate } from '../../../common/domain/dates';
import type { Executor } from '../../db/client';
import { leadStageMoves, leads } from '../../db/schema';
import { inRegionTree } from '../regions';

// What a region's leads give the targets module's indicators (签约项目个数, 签约合同额, 到位市外资金), for a
// district — or a city, whose figure is its districts' leads together (`inRegionTree`) — and a year as of a day. One
// definition, read by the indicators, the 通报 and the scoring through them:
// - a lead is **signed in the year** when the first day it reached 签约 (lead_stage_moves; the contract date, as
//   the conversion figures count) falls in the year, on or before the day asked;
// - **funds from outside the city are in** for a lead when the first day it reached 到资 falls in the year, on or
//   before the day asked; what it brings is its estimated investment × its out-of-city share (the lead records
//   no amount per arrival, so the whole out-of-city part counts in the year it reached 到资);
// - a lead dropped (终止) by then counts for neither: the deal fell through.
// "The day asked" is capped at the year's end: a past year's figures stand at its 31 December and do not change when
// a lead signed in it is dropped later.

export type AttractionFiguresInput = { regionCode: string; year: number; asOf: string };

export type AttractionFigures = {
  /** Leads signed in the year and not dropped by the day asked. */
  signed: number;
  /** Their contract value, 元. */
  contractValueYuan: bigint;
  /** The out-of-city part of the estimated investment of the leads whose funds came in during the year, 元. */
  outOfCityFundsYuan: bigint;
};

const firstOn = (stage: string) => sql`min(${leadStageMoves.on}) filter (where ${leadStageMoves.toStage} = ${stage})`;

/** The region's (a city: its districts') signed leads, contract value and out-of-city funds of the year as of the day. */
export async function attractionFigures(db: Executor, { regionCode, year, asOf }: AttractionFiguresInput): Promise<AttractionFigures> {
  const from = `${year}-01-01`;
  const to = minDate(asOf, `${year}-12-31`);
  if (to < from) return { signed: 0, contractValueYuan: 0n, outOfCityFundsYuan: 0n };
  const inWindow = (on: ReturnType<typeof firstOn>) => sql`(${on} between ${from}::date and ${to}::date)`;
  const perLead = db
    .select({
      contractValueYuan: sql`max(${leads.contractValueYuan})`.as('contract_value_yuan'),
      outOfCityYuan: sql`max(round(coalesce(${leads.estimatedInvestmentYuan}, 0) * ${leads.outOfCityPercent} / 100.0))`.as(
        'out_of_city_yuan',
      ),
      signedInYear: sql<boolean>`coalesce(${inWindow(firstOn('signed'))}, false)`.as('signed_in_year'),
      fundsInYear: sql<boolean>`coalesce(${inWindow(firstOn('funds_in'))}, false)`.as('funds_in_year'),
    })
    .from(leads)
    .innerJoin(leadStageMoves, eq(leadStageMoves.leadId, leads.id))
    .where(and(inRegionTree(leads.regionCode, regionCode), sql`${leadStageMoves.on} <= ${to}::date`))
    .groupBy(leads.id)
    .having(sql`${firstOn('dropped')} is null`)
    .as('per_lead');
  const [row] = await db
    .select({
      signed: sql<string>`count(*) filter (where ${perLead.signedInYear})::text`,
      contractValueYuan: sql<string | null>`(sum(${perLead.contractValueYuan}) filter (where ${perLead.signedInYear}))::text`,
      outOfCityFundsYuan: sql<string | null>`(sum(${perLead.outOfCityYuan}) filter (where ${perLead.fundsInYear}))::text`,
    })
    .from(perLead);
  return {
    signed: Number(row?.signed ?? 0),
    contractValueYuan: BigInt(row?.contractValueYuan ?? 0),
    outOfCityFundsYuan: BigInt(row?.outOfCityFundsYuan ?? 0),
  };
}
