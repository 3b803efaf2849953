import { describe, expect, it } from 'vitest';
import { headerKey } from '../../../lib/spreadsheets/header';
import type { Column } from '../../../lib/spreadsheets/columns/types';
import { approvalItemColumns } from './approval-items';
import { enterpriseColumns } from './enterprises';
import { fundingLineColumns } from './funding-lines';
import { leadColumns } from './leads';
import { parcelColumns } from './parcels';
import { projectColumns } from './projects';
import { visitColumns } from './visits';

const KINDS: Record<string, readonly Column<string, unknown>[]> = {
  projects: projectColumns,
  approval_items: approvalItemColumns,
  funding_lines: fundingLineColumns,
  enterprises: enterpriseColumns,
  leads: leadColumns,
  parcels: parcelColumns,
  visits: visitColumns,
};

describe.each(Object.entries(KINDS))('the %s sheet’s headers', (_kind, columns) => {
  it('give every field other spellings offices use, besides its Chinese and English header', () => {
    const bare = columns.filter((c) => !(c.synonyms ?? []).length).map((c) => c.key);
    expect(bare).toEqual([]);
  });

  it('name each field once: no header or synonym of one field is a header or synonym of another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const column of columns) {
      for (const text of [...Object.values(column.header), ...(column.synonyms ?? [])]) {
        const key = headerKey(text);
        const other = owner.get(key);
        if (other && other !== column.key) clashes.push(`${text}: ${other} / ${column.key}`);
        owner.set(key, column.key);
      }
    }
    expect(clashes).toEqual([]);
  });
});
