/** A measure as officials write it: thousands separated, at most two decimals (12,400 / 52.5). */
export const formatMeasure = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
