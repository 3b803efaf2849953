import { formatWan } from '../../../../../common/domain/money';

/** A change in 万元 with its sign (+600.00, −1,200.00, 0.00); '—' when there is none to show (no baseline). */
export function signedWan(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '—';
  const text = formatWan(Math.abs(yuan));
  if (text === '0.00') return text;
  return `${yuan < 0 ? '−' : '+'}${text}`;
}

/** A part's share of a whole as a percentage with one decimal (12.3%); '—' of nothing. */
export function shareOf(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${((part / whole) * 100).toFixed(1)}%`;
}

/** The colour a change is shown in: up green, down red (an official reads a cut plan as the warning), none plain. */
export function changeTone(yuan: number | null | undefined): 'success' | 'danger' | undefined {
  if (!yuan) return undefined;
  return yuan > 0 ? 'success' : 'danger';
}
