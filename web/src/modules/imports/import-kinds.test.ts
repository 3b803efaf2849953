import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, IMPORT_KIND_PERMISSIONS } from '../../../../common/schemas/imports';
import { IMPORT_PAGES, importPath, REGISTER_PATHS } from './import-kinds';

describe('the import pages', () => {
  it('put each kind under the register its rows land in, with the kind and job in the address', () => {
    expect(importPath('parcels', 'job-1')).toBe('/parcels/import?kind=parcels&job=job-1');
    expect(importPath('visits')).toBe('/visits/import?kind=visits');
    expect(importPath('leads')).toBe('/leads/import?kind=leads');
    expect(importPath('approval_items')).toBe('/projects/import?kind=approval_items');
    expect(importPath('land_figures')).toBe('/land-efficiency/import?kind=land_figures');
  });

  it('open each kind’s page to whoever may import the kind, and the project library’s old address to every importer', () => {
    for (const kind of IMPORT_KINDS) {
      const page = IMPORT_PAGES.find((p) => `/${p.path}` === `${REGISTER_PATHS[kind]}/import`);
      expect(page?.permissions, kind).toContain(IMPORT_KIND_PERMISSIONS[kind]);
    }
    const projects = IMPORT_PAGES.find((p) => p.path === 'projects/import');
    expect(new Set(projects?.permissions)).toEqual(new Set(Object.values(IMPORT_KIND_PERMISSIONS)));
    // An attraction page opens to its own keepers only.
    expect(IMPORT_PAGES.find((p) => p.path === 'parcels/import')?.permissions).toEqual(['carrier.manage']);
  });
});
