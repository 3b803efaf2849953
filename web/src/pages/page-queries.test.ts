import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../../common/permissions';
import type { Me } from '../../../common/schemas/auth';
import { ME_KEY } from '../modules/auth/hooks/use-me';
import { homePageQueries, type PageQueries, type Prefetch, prefetchPage, projectsPageQueries } from './page-queries';

const me = (over: Partial<Me> = {}): Me => ({
  id: 'u1',
  username: 'office',
  displayName: '项目办',
  locale: 'zh-CN',
  mustChangePassword: false,
  totpEnabled: false,
  totpRequired: false,
  mustEnrolTotp: false,
  role: { code: 'project_office', name: '项目办' },
  unit: { id: 'unit-1', name: '区发改局' },
  region: { code: '370105', name: '天桥区' },
  dataScope: 'region',
  permissions: ['project.read'],
  csrfToken: 'token',
  ...over,
});

/** What a page's queries start for this address and reader: the keys, and how many chunks. */
function started(pageQueries: PageQueries, query: string, reader: Me) {
  const keys: QueryKey[] = [];
  let chunks = 0;
  const prefetch: Prefetch = { query: (q) => keys.push(q.queryKey), chunk: () => void chunks++ };
  pageQueries(new URLSearchParams(query), reader, prefetch);
  return { keys, chunks };
}

describe('the project list route', () => {
  it("starts the page the address asks for and its totals, under the keys the page's hooks use", () => {
    const { keys } = started(projectsPageQueries, 'pool=planning&nature=new_start,continuing&sort=-totalInvestmentYuan&page=2', me());
    expect(keys).toEqual([
      [
        'projects',
        'list',
        { page: 2, pageSize: 20, sort: '-totalInvestmentYuan', pool: ['planning'], nature: ['new_start', 'continuing'] },
      ],
      ['projects', 'totals', { pool: ['planning'], nature: ['new_start', 'continuing'] }],
    ]);
  });

  it('starts the first page of everything when the address has no filters', () => {
    expect(started(projectsPageQueries, '', me()).keys).toEqual([
      ['projects', 'list', { page: 1, pageSize: 20 }],
      ['projects', 'totals', {}],
    ]);
  });
});

describe('the home route', () => {
  it("starts the dashboard's chunk for a reader of projects, and leaves its figures to the dashboard", () => {
    expect(started(homePageQueries, 'year=2025', me())).toEqual({ keys: [], chunks: 1 });
  });

  it('starts nothing for someone who does not read projects (his home page is the welcome card)', () => {
    expect(started(homePageQueries, '', me({ permissions: [] }))).toEqual({ keys: [], chunks: 0 });
  });
});

describe('prefetchPage', () => {
  const fakePage = () => {
    const fetchList = vi.fn(async () => ['row']);
    const queries: PageQueries = (_search, _me, prefetch) => prefetch.query({ queryKey: ['fake', 'list'], queryFn: fetchList });
    return { fetchList, queries };
  };
  const run = async (reader: Me | null | undefined, permission: Permission | null = 'project.read') => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    if (reader !== undefined) client.setQueryData(ME_KEY, reader);
    const page = fakePage();
    const chunk = vi.fn(async () => ({}));
    const catalogs = vi.fn(async () => undefined);
    await prefetchPage(client, { queries: page.queries, permission, chunk, catalogs }, new URLSearchParams());
    return { client, fetchList: page.fetchList, chunk, catalogs };
  };

  it("fills the cache under the page's keys for a signed-in reader with the page's permission", async () => {
    const { client, fetchList, chunk, catalogs } = await run(me());
    expect(fetchList).toHaveBeenCalledOnce();
    expect(client.getQueryData(['fake', 'list'])).toEqual(['row']);
    expect(chunk).toHaveBeenCalledOnce();
    expect(catalogs).toHaveBeenCalledOnce();
  });

  it('asks nothing for someone signed out or without the permission, whose page shows the sign-in or the 403', async () => {
    const signedOut = await run(null);
    expect(signedOut.fetchList).not.toHaveBeenCalled();
    expect(signedOut.catalogs).not.toHaveBeenCalled();
    expect((await run(me({ permissions: [] }))).fetchList).not.toHaveBeenCalled();
    expect((await run(me({ permissions: [] }), null)).fetchList).toHaveBeenCalledOnce();
  });

  it('never throws when "who am I" fails: the page shows that error when it asks', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('offline'))),
    );
    try {
      const { client, fetchList } = await run(undefined);
      expect(fetchList).not.toHaveBeenCalled();
      expect(client.getQueryState(ME_KEY)?.status).toBe('error');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
