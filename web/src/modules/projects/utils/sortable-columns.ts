import type { MessageKey } from '../../../i18n';

/** How a column's order reads: names and codes A→Z, money high/low, dates early/late, colours red/green first. */
type SortKind = 'text' | 'amount' | 'date' | 'warning';

/**
 * The project list's sortable columns, by the list's `sort` field (the table column's `dataIndex`), in the table's
 * order: the table puts its sort arrows on these and the phone's 排序 offers each of them both ways.
 */
export const SORTABLE_PROJECT_COLUMNS = [
  { field: 'name', title: 'project.name', kind: 'text' },
  { field: 'code', title: 'project.code', kind: 'text' },
  { field: 'warning', title: 'project.warning', kind: 'warning' },
  { field: 'totalInvestmentYuan', title: 'project.totalInvestment', kind: 'amount' },
  { field: 'plannedStart', title: 'project.plannedStart', kind: 'date' },
  { field: 'plannedCompletion', title: 'project.plannedCompletion', kind: 'date' },
] as const satisfies readonly { field: string; title: MessageKey; kind: SortKind }[];

export type SortableProjectColumn = (typeof SORTABLE_PROJECT_COLUMNS)[number]['field'];

/** Whether the table sorts by this column (a column's `dataIndex`). */
export const isSortableColumn = (field: unknown): boolean => SORTABLE_PROJECT_COLUMNS.some((column) => column.field === field);

/** The list's default order (newest change first), which the phone offers first. */
export const DEFAULT_PROJECT_SORT = '-updatedAt';

/** One order the phone offers: the list's `sort` value and the words that name it (a message and its column). */
export type ProjectSortOption = { value: string; label: MessageKey; column?: MessageKey };

// The direction read first for each kind: the largest investment and red lights are what an office looks for first.
const FIRST_DESCENDING: Record<SortKind, boolean> = { text: false, amount: true, date: false, warning: true };
const LABELS: Record<SortKind, { ascending: MessageKey; descending: MessageKey }> = {
  text: { ascending: 'project.sort.text.asc', descending: 'project.sort.text.desc' },
  amount: { ascending: 'project.sort.amount.asc', descending: 'project.sort.amount.desc' },
  date: { ascending: 'project.sort.date.asc', descending: 'project.sort.date.desc' },
  warning: { ascending: 'project.sort.warning.asc', descending: 'project.sort.warning.desc' },
};

/** Every order of the phone's 排序: the default, then each sortable column both ways, its usual direction first. */
export function projectSortOptions(): ProjectSortOption[] {
  return [
    { value: DEFAULT_PROJECT_SORT, label: 'project.sort.updatedAt' },
    ...SORTABLE_PROJECT_COLUMNS.flatMap(({ field, title, kind }) => {
      const descending = { value: `-${field}`, label: LABELS[kind].descending, column: title };
      const ascending = { value: field, label: LABELS[kind].ascending, column: title };
      return FIRST_DESCENDING[kind] ? [descending, ascending] : [ascending, descending];
    }),
  ];
}
