import type { z } from 'zod';
import type {
  formulaCheckResponse,
  formulaPreviewResponse,
  scoreMonthResponse,
  scoringRuleSchema,
  scoringRulesResponse,
  unitHistoryResponse,
} from '../../../../../common/schemas/assessment';
import type { RankingGroup } from '../../../../../common/domain/ranking-groups';
import { ApiError, api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';

export type ScoringRules = z.infer<typeof scoringRulesResponse>;
export type ScoringRule = z.infer<typeof scoringRuleSchema>;
export type MonthScores = z.infer<typeof scoreMonthResponse>;
export type ScoreLine = MonthScores['items'][number];
export type ScoreTerm = ScoreLine['terms'][number];
export type FormulaCheck = z.infer<typeof formulaCheckResponse>;
export type FormulaPreview = z.infer<typeof formulaPreviewResponse>;
export type Month = { year: number; month: number };
export type { RankingGroup };
export type DistrictUnit = ScoringRules['units'][number];
export type UnitHistory = z.infer<typeof unitHistoryResponse>;
/** Whose lines a ranking holds: a district's units, or (a city's or province's ranking) its districts. */
export type RankingSubject = 'unit' | 'district' | 'city';
/** The subject of a region's rankings from its level (district → its units; city → its districts; province → its cities). */
/** The ranking table's column heading for its lines. */
export const SUBJECT_COLUMN = { unit: 'assessment.unit', district: 'assessment.district', city: 'assessment.city' } as const;
export const subjectOf = (level: MonthScores['level'] | undefined): RankingSubject =>
  level === 'province' ? 'city' : level === 'city' ? 'district' : 'unit';

/** 考核: the district's scoring rules, a formula's check and preview, the monthly scores and rankings. */
export const assessmentApi = {
  rules: (year: number, signal?: AbortSignal) => api.get<ScoringRules>('/assessment/rules', { year }, { signal }),
  saveRule: (body: { year: number; formula: string; groups: RankingGroup[] | null; note?: string }) =>
    api.post<ScoringRule>('/assessment/rules', body),
  check: (formula: string) => api.post<FormulaCheck>('/assessment/formula/check', { formula }),
  preview: (body: { formula: string; groups: RankingGroup[] | null } & Month) =>
    api.post<FormulaPreview>('/assessment/formula/preview', body),
  scores: ({ year, month }: Month, signal?: AbortSignal) => api.get<MonthScores>('/assessment/scores', { year, month }, { signal }),
  compute: (body: Month) => api.post<MonthScores>('/assessment/scores', body),
  /** A unit's score and rank in each month of the year the district has a ranking of. */
  unitHistory: (unitId: string, year: number, signal?: AbortSignal) =>
    api.get<UnitHistory>(`/assessment/units/${unitId}/history`, { year }, { signal }),
  /** The month's ranking as .xlsx (考核排名), under the server's file name; answers that name. */
  rankingXlsx: ({ year, month }: Month) => downloadFile('/assessment/scores.xlsx', { year, month }),
};

/** The fields of refused ranking groups (422 ranking_groups_invalid): each detail's path and message, else null. */
export function groupProblems(error: unknown): { path: string; message: string }[] | null {
  if (!(error instanceof ApiError) || error.code !== 'ranking_groups_invalid') return null;
  return error.details as { path: string; message: string }[];
}

/** Where a refused formula is wrong: the message with its 1-based line and column (422 formula_invalid), else null. */
export function formulaProblem(error: unknown): { message: string; line: number; column: number } | null {
  if (!(error instanceof ApiError) || error.code !== 'formula_invalid') return null;
  const detail = error.details[0] as { message: string; line?: number; column?: number } | undefined;
  if (!detail || typeof detail.line !== 'number' || typeof detail.column !== 'number') return null;
  return { message: detail.message, line: detail.line, column: detail.column };
}
