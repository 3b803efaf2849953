import type { warningsZhCN } from './warnings.zh-CN';

/** The warnings' interface text in English. */
export const warningsEnUS: Record<keyof typeof warningsZhCN, string> = {
  'project.warning': 'Warning',
  'warning.title': 'Red/yellow/green warning',
  'warning.asOf': 'As of {date}',
  'warning.allWell': 'All well: no milestone overdue, investment not behind time, reports on time.',
  'warning.notComputed': 'Not computed yet',
  'warning.history': 'Month by month',
  'warning.noHistory': 'No earlier months yet',
  'warning.monthLabel': '{month}/{year}',
  'warning.monthShort': 'M{month}',
};
