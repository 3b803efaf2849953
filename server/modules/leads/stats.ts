import { and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { daysBetween } from '../../../common/domain/dates';
import { SIGNED_STAGES, median } from '../../../common/domain/leads';
import type { LeadMethod } from '../../../common/enums';
import { enumLabel } from '../../../common/labels';
import type { Locale } from '../../../common/locale';
import type { LeadStats, LeadStatsQuery } from '../../../common/schemas/leads';
import type { Executor } from '../../db/client';
import { dictionaryItems, leadStageMoves, leads, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { leadScopeCondition } from './repository';

// The conversion figures (转化): of the leads signed, how many were registered, started, had funds in and went into
// production; each step's rate over the one before, the median days it took, the contract value and how much of the
// estimated investment comes from outside the city — by unit, method, industry or month of signing.

const industry = alias(dictionaryItems, 'stats_industry');
const firstOn = (stage: string) =>
  sql<string | null>`(min(${leadStageMoves.on}) filter (where ${leadStageMoves.toStage} = ${stage}))::text`;

type Converted = {
  key: string | null;
  label: string;
  signedOn: string;
  stages: (string | null)[];
  contractValueYuan: number;
  investmentYuan: number;
  outOfCityYuan: number;
};

/** The signed leads the actor sees, each with the first day it reached each stage from signing on. */
async function signedLeads(db: Executor, actor: Actor, query: LeadStatsQuery) {
  return db
    .select({
      id: leads.id,
      unitId: leads.unitId,
      unitName: units.name,
      method: leads.method,
      industryCode: leads.industryCode,
      industryName: actor.locale === 'zh-CN' ? industry.name : industry.nameEn,
      contractValueYuan: leads.contractValueYuan,
      estimatedInvestmentYuan: leads.estimatedInvestmentYuan,
      outOfCityPercent: leads.outOfCityPercent,
      signedOn: firstOn('signed'),
      registeredOn: firstOn('registered'),
      startedOn: firstOn('started'),
      fundsInOn: firstOn('funds_in'),
      inProductionOn: firstOn('in_production'),
    })
    .from(leads)
    .innerJoin(leadStageMoves, and(eq(leadStageMoves.leadId, leads.id), inArray(leadStageMoves.toStage, [...SIGNED_STAGES])))
    .innerJoin(units, eq(units.id, leads.unitId))
    .leftJoin(industry, and(eq(industry.type, 'industry'), eq(industry.code, leads.industryCode)))
    .where(leadScopeCondition(actor))
    .groupBy(leads.id, units.name, industry.name, industry.nameEn)
    .having(
      and(
        sql`min(${leadStageMoves.on}) filter (where ${leadStageMoves.toStage} = 'signed') is not null`,
        query.from ? sql`min(${leadStageMoves.on}) filter (where ${leadStageMoves.toStage} = 'signed') >= ${query.from}::date` : undefined,
        query.to ? sql`min(${leadStageMoves.on}) filter (where ${leadStageMoves.toStage} = 'signed') <= ${query.to}::date` : undefined,
      ),
    );
}

const STEPS = ['registered', 'started', 'fundsIn', 'inProduction'] as const;

function line(key: string | null, label: string, rows: Converted[]): LeadStats['lines'][number] {
  const reached = (i: number) => rows.filter((r) => (i === 0 ? true : r.stages[i - 1] !== null));
  const counts = [rows.length, ...STEPS.map((_, i) => reached(i + 1).length)];
  const rate = (i: number) => ((counts[i] ?? 0) === 0 ? null : (counts[i + 1] ?? 0) / (counts[i] ?? 1));
  const days = (i: number) =>
    median(
      rows.flatMap((r) => {
        const before = i === 0 ? r.signedOn : r.stages[i - 1];
        const after = r.stages[i];
        return before && after ? [daysBetween(before, after)] : [];
      }),
    );
  const investmentYuan = rows.reduce((s, r) => s + r.investmentYuan, 0);
  const outOfCityYuan = rows.reduce((s, r) => s + r.outOfCityYuan, 0);
  return {
    key,
    label,
    signed: counts[0] ?? 0,
    registered: counts[1] ?? 0,
    started: counts[2] ?? 0,
    fundsIn: counts[3] ?? 0,
    inProduction: counts[4] ?? 0,
    rates: { registered: rate(0), started: rate(1), fundsIn: rate(2), inProduction: rate(3) },
    medianDays: { registered: days(0), started: days(1), fundsIn: days(2), inProduction: days(3) },
    contractValueYuan: rows.reduce((s, r) => s + r.contractValueYuan, 0),
    investmentYuan,
    outOfCityYuan,
    outOfCityShare: investmentYuan > 0 ? outOfCityYuan / investmentYuan : null,
  };
}

const TOTAL_LABEL: Record<Locale, string> = { 'zh-CN': '合计', 'en-US': 'Total' };
const NONE_LABEL: Record<Locale, string> = { 'zh-CN': '未填', 'en-US': 'Not given' };

/** The conversion figures of the leads the actor sees, grouped as asked, with the total. */
export async function leadStats(db: Executor, actor: Actor, query: LeadStatsQuery): Promise<LeadStats> {
  const locale = actor.locale;
  const rows = await signedLeads(db, actor, query);
  const groups = new Map<string, { key: string | null; label: string; rows: Converted[] }>();
  for (const r of rows) {
    const signedOn = r.signedOn as string;
    const investment = r.estimatedInvestmentYuan ?? 0;
    const [key, label] =
      query.by === 'unit'
        ? [r.unitId, r.unitName]
        : query.by === 'method'
          ? [r.method, enumLabel(locale, 'leadMethod', r.method as LeadMethod)]
          : query.by === 'industry'
            ? [r.industryCode, r.industryName ?? r.industryCode ?? NONE_LABEL[locale]]
            : [signedOn.slice(0, 7), signedOn.slice(0, 7)];
    const group = groups.get(key ?? '') ?? { key, label, rows: [] };
    group.rows.push({
      key,
      label,
      signedOn,
      stages: [r.registeredOn, r.startedOn, r.fundsInOn, r.inProductionOn],
      contractValueYuan: r.contractValueYuan ?? 0,
      investmentYuan: investment,
      outOfCityYuan: Math.round((investment * r.outOfCityPercent) / 100),
    });
    groups.set(key ?? '', group);
  }
  const ordered = [...groups.values()].sort((a, b) =>
    query.by === 'month' ? (a.label < b.label ? -1 : 1) : b.rows.length - a.rows.length || a.label.localeCompare(b.label, 'zh-CN'),
  );
  const all = ordered.flatMap((g) => g.rows);
  return { by: query.by, lines: ordered.map((g) => line(g.key, g.label, g.rows)), total: line(null, TOTAL_LABEL[locale], all) };
}
