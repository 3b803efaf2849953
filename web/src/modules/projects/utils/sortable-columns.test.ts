import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SORT, SORTABLE_PROJECT_COLUMNS, isSortableColumn, projectSortOptions } from './sortable-columns';

describe('projectSortOptions', () => {
  const options = projectSortOptions();

  it('offers the default order first, then every column the table sorts by, both ways, each once', () => {
    expect(options[0]).toEqual({ value: DEFAULT_PROJECT_SORT, label: 'project.sort.updatedAt' });
    const values = options.map((o) => o.value);
    expect(new Set(values).size).toBe(values.length);
    for (const { field } of SORTABLE_PROJECT_COLUMNS) {
      expect(values).toContain(field);
      expect(values).toContain(`-${field}`);
    }
    expect(values).toHaveLength(1 + 2 * SORTABLE_PROJECT_COLUMNS.length);
  });

  it('reads the largest investment and red lights first, names and dates from the start', () => {
    const order = (field: string) => options.filter((o) => o.value.replace(/^-/, '') === field).map((o) => o.value);
    expect(order('totalInvestmentYuan')).toEqual(['-totalInvestmentYuan', 'totalInvestmentYuan']);
    expect(order('warning')).toEqual(['-warning', 'warning']);
    expect(order('plannedStart')).toEqual(['plannedStart', '-plannedStart']);
    expect(order('name')).toEqual(['name', '-name']);
    expect(options.find((o) => o.value === '-totalInvestmentYuan')).toMatchObject({
      label: 'project.sort.amount.desc',
      column: 'project.totalInvestment',
    });
  });

  it('tells the table which columns sort (the lead unit and pool do not)', () => {
    expect(isSortableColumn('plannedCompletion')).toBe(true);
    expect(isSortableColumn('leadUnitName')).toBe(false);
    expect(isSortableColumn('pool')).toBe(false);
    expect(isSortableColumn(undefined)).toBe(false);
  });
});
