import { and, eq, or } from 'drizzle-orm';
import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import type { Locale } from '../../../common/locale';
import type { planSchema } from '../../../common/schemas/tracks';
import type { projectProgressSchema } from '../../../common/schemas/tracks';
import type { Executor } from '../../db/client';
import { dictionaryItems } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { type District, actorHomeRegion } from '../regions';
import { presentPlan } from '../project-tracks';
import { projectTimeProgress } from '../project-tracks';
import { type AnnualPlanRow, type ApprovalItemRow, listAnnualPlans, listApprovalItems, listMilestones } from '../project-tracks';
import { type ProjectDetailRow, findProjectDetail } from '../projects';

/** Everything the one-page 项目简介 shows about a project, read in the reader's scope. */
export type ProjectSummaryData = {
  project: ProjectDetailRow;
  /** Dictionary names of the project's codes, in the reader's language (the code itself when the item is gone). */
  names: { category: string | null; industry: string | null; cluster: string | null; park: string | null; chain: string | null };
  approvals: ApprovalItemRow[];
  annualPlan: AnnualPlanRow | null;
  progress: z.infer<typeof projectProgressSchema>;
  plan: z.infer<typeof planSchema>;
  district: District;
  today: string;
};

type Coded = { type: string; code: string | null };

async function dictionaryNames(db: Executor, locale: Locale, wanted: Coded[]): Promise<(string | null)[]> {
  const present = wanted.filter((w): w is { type: string; code: string } => !!w.code);
  const rows = present.length
    ? await db
        .select({ type: dictionaryItems.type, code: dictionaryItems.code, name: dictionaryItems.name, nameEn: dictionaryItems.nameEn })
        .from(dictionaryItems)
        .where(or(...present.map((w) => and(eq(dictionaryItems.type, w.type), eq(dictionaryItems.code, w.code)))))
    : [];
  return wanted.map((w) => {
    const row = rows.find((r) => r.type === w.type && r.code === w.code);
    if (!w.code) return null;
    const name = row ? (locale === 'en-US' ? row.nameEn : row.name) : null;
    // GB/T 4754 industries read "code name" (35 专用设备制造业), as in the sheets; a removed item shows its code.
    return name ? (w.type === 'industry' ? `${w.code} ${name}` : name) : w.code;
  });
}

/**
 * Loads a project's summary: the record with its names, approvals, the current year's annual plan and completion
 * against time (the one shared computation), and the plan scheduled as the project page shows it. Null when the
 * project does not exist or lies outside the actor's scope.
 */
export async function loadProjectSummary(db: Executor, actor: Actor, id: string, locale: Locale): Promise<ProjectSummaryData | null> {
  const project = await findProjectDetail(db, actor, id);
  if (!project) return null;
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const [category, industry, cluster, park, chain] = await dictionaryNames(db, locale, [
    { type: 'project_category', code: project.categoryCode },
    { type: 'industry', code: project.industryCode },
    { type: 'cluster', code: project.clusterCode },
    { type: 'park', code: project.parkCode },
    { type: 'industry_chain', code: project.chainCode },
  ]);
  const [approvals, [annualPlan], progress, milestones, district] = await Promise.all([
    listApprovalItems(db, project.id),
    listAnnualPlans(db, project.id, year),
    projectTimeProgress(db, project, { locale, asOf: today }),
    listMilestones(db, project.id),
    actorHomeRegion(db, actor),
  ]);
  return {
    project,
    names: {
      category: category ?? null,
      industry: industry ?? null,
      cluster: cluster ?? null,
      park: park ?? null,
      chain: chain ?? null,
    },
    approvals,
    annualPlan: annualPlan ?? null,
    progress,
    plan: presentPlan(project, milestones, today),
    district,
    today,
  };
}
