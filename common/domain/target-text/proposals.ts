import type { ExtractedTarget, TargetDirection } from './extract';

/*
 * The rows to offer for confirmation: this year's targets only (actuals are context), split into indicator rows
 * (rates and totals) and pledge rows (tasks such as 完成老旧小区改造12万平方米, candidates for 民生实事), the same
 * name, number and unit offered once. Plain data: the indicators module turns confirmed rows into records.
 */
export type IndicatorProposal = {
  name: string;
  unit: string;
  target: number;
  direction: TargetDirection;
  growth: boolean;
  qualifiers: string[];
  sentence: string;
};

export type PledgeProposal = {
  text: string;
  quantity: number;
  unit: string;
  direction: TargetDirection;
  qualifiers: string[];
  sentence: string;
};

export function proposeTargetRows(rows: readonly ExtractedTarget[]): { indicators: IndicatorProposal[]; pledges: PledgeProposal[] } {
  const indicators: IndicatorProposal[] = [];
  const pledges: PledgeProposal[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.kind !== 'target') continue;
    const key = `${row.name}\u0000${row.value}\u0000${row.unit}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const common = { unit: row.unit, direction: row.direction, qualifiers: row.qualifiers, sentence: row.sentence };
    if (row.proposal === 'indicator') indicators.push({ name: row.name, target: row.value, growth: row.growth, ...common });
    else pledges.push({ text: row.name, quantity: row.value, ...common });
  }
  return { indicators, pledges };
}
