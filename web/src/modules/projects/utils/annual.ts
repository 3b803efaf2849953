import { wanToYuan, yuanToWanInput } from '../../../../../common/domain/money';

/** Spreads an annual amount of 元 over 12 months as evenly as whole 元 allow; the remainder goes to December. */
export function spreadEvenly(totalYuan: number): number[] {
  const month = Math.floor(totalYuan / 12);
  return Array.from({ length: 12 }, (_, i) => (i === 11 ? totalYuan - month * 11 : month));
}

/** The same spread as 万元 form inputs. */
export function spreadEvenlyWan(totalYuan: number): (string | null)[] {
  return spreadEvenly(totalYuan).map(yuanToWanInput);
}

/** The sum in 元 of monthly inputs in 万元 (empty months count as 0); NaN if any input is not a number. */
export function sumMonthsYuan(months: (string | null | undefined)[]): number {
  return months.reduce<number>((sum, month) => sum + (wanToYuan(month) ?? 0), 0);
}
