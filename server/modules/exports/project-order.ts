import { projects } from '../../db/schema';
import { projectSortKeys } from '../projects';
import { type OrderKey, columnKey } from './keyset';

/** The keys an export reads projects in: any leading keys (a grouping), then the list's sort, then the id. */
export const projectExportKeys = (sort: string | undefined, leading: OrderKey[] = []): OrderKey[] => [
  ...leading,
  ...projectSortKeys(sort).map(({ column, descending }) => columnKey(column, descending)),
  columnKey(projects.id),
];
