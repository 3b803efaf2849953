import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { wanToYuan, yuanToWanInput } from '../../../../../common/domain/money';
import { type ErrorDetail, isApiError } from '../../../lib/api-client';
import type { ProgressReport, ReportFillBody } from '../api/reports-api';

/** The report form's values: the amount as 万元 text, milestones with a date picked. Named as the API's fields. */
export type ReportFormValues = {
  investmentYuan?: string | null;
  progressText?: string | null;
  progressPercent?: number | null;
  milestones?: { milestoneId?: string; reachedOn?: Dayjs | null }[];
  problems?: string | null;
};

/** The form's start: what the report holds, the amount shown in 万元. */
export function formValuesOf(report: ProgressReport): ReportFormValues {
  return {
    investmentYuan: yuanToWanInput(report.investmentYuan),
    progressText: report.progressText,
    progressPercent: report.progressPercent,
    milestones: report.milestones.map((m) => ({ milestoneId: m.milestoneId, reachedOn: dayjs(m.reachedOn) })),
    problems: report.problems,
  };
}

const textOrNull = (value: string | null | undefined) => (value && value.trim() !== '' ? value : null);

/** What a save sends: every field (an empty one cleared), the amount in whole 元, at the version read. */
export function fillBodyOf(values: ReportFormValues, version: number): ReportFillBody {
  const yuan = wanToYuan(values.investmentYuan ?? null);
  return {
    version,
    investmentYuan: yuan === null || Number.isNaN(yuan) ? null : yuan,
    progressText: textOrNull(values.progressText),
    progressPercent: values.progressPercent ?? null,
    milestones: (values.milestones ?? [])
      .filter((m) => m.milestoneId)
      .map((m) => ({ milestoneId: m.milestoneId as string, reachedOn: m.reachedOn ? m.reachedOn.format('YYYY-MM-DD') : '' })),
    problems: textOrNull(values.problems),
  };
}

/**
 * The form field a server detail names, down to a milestone's own field (`milestones.0.reachedOn` →
 * ['milestones', 0, 'reachedOn']); null for a path the form does not have.
 */
export function fieldPathOf(path: string, values: ReportFormValues): (string | number)[] | null {
  const [top = '', index, leaf] = path.split('.');
  if (!['investmentYuan', 'progressText', 'progressPercent', 'milestones', 'problems'].includes(top)) return null;
  if (top !== 'milestones' || index === undefined) return [top];
  const i = Number(index);
  if (!Number.isInteger(i) || !values.milestones?.[i]) return [top];
  return leaf === 'milestoneId' || leaf === 'reachedOn' ? [top, i, leaf] : [top, i, 'milestoneId'];
}

/** Puts each of the server's field errors under its field; answers those that name no field. */
export function applyReportErrors(form: FormInstance, error: unknown): ErrorDetail[] {
  if (!isApiError(error)) return [];
  const values = form.getFieldsValue(true) as ReportFormValues;
  const unmatched: ErrorDetail[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const detail of error.details) {
    const name = fieldPathOf(detail.path, values);
    if (!name) {
      unmatched.push(detail);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next();
  if (!first.done) form.scrollToField(first.value.name);
  return unmatched;
}
