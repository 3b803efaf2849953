import { describe, expect, it } from 'vitest';
import { recordLink } from './record-link';

const event = (recordType: string, extra: Partial<Parameters<typeof recordLink>[0]> = {}) => ({
  recordType,
  recordId: 'r1',
  recordName: null,
  recordProject: null,
  about: null,
  ...extra,
});

describe('where the audit page links a record', () => {
  it('links a record with a page of its own to it, and its project to the project', () => {
    expect(recordLink(event('project', { recordName: '白金广场' }))).toEqual({ record: '/projects/r1', project: null });
    expect(recordLink(event('matter', { recordName: '供电线路迁改', recordProject: { id: 'p1', name: '白金广场' } }))).toEqual({
      record: '/matters/r1',
      project: '/projects/p1',
    });
    expect(recordLink(event('reporting_period', { about: { month: '2026-10' } })).record).toBe('/reporting-periods/r1');
  });
  it('links a project’s records to the project, and nothing the reader may not see', () => {
    const item = event('approval_item', { recordName: '施工许可', recordProject: { id: 'p1', name: '白金广场' } });
    expect(recordLink(item)).toEqual({ record: '/projects/p1', project: '/projects/p1' });
    expect(recordLink(event('project'))).toEqual({ record: null, project: null });
    expect(recordLink(event('enterprise'))).toEqual({ record: null, project: null });
    expect(recordLink(event('land_parcel', { recordName: '北园地块' }))).toEqual({ record: null, project: null });
  });
});
