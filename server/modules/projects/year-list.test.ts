import { beforeAll, expect, it } from 'vitest';
import type { Dashboard } from '../../../common/schemas/dashboard';
import type { ProjectListItem } from '../../../common/schemas/projects';
import { insertProject, thisYear, uniqueSuffix } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';

// One definition of a year's projects (year-condition.ts): the list's year filter, the dashboard and the indicators.
describeEachDatabase('the projects of a year', (t) => {
  let office: Client;
  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
  });
  const namesOf = async (query: string) =>
    ((await office.get(`/api/v1/projects?pageSize=200&${query}`)).json().items as ProjectListItem[]).map((p) => p.name);

  let startedNextYear = '';

  it('keeps a reserve project planned to start next year on this year’s list, and off last year’s', async () => {
    const year = thisYear();
    const name = `储备项目年度测试${uniqueSuffix()}`;
    await insertProject(t().database, { name, pool: 'planning', nature: 'reserve', plannedStart: `${year + 1}-05-01` });
    const q = `q=${encodeURIComponent(name)}`;
    expect(await namesOf(`${q}&year=${year}`)).toEqual([name]);
    expect(await namesOf(`${q}&year=${year + 1}`)).toEqual([name]);
    expect(await namesOf(`${q}&year=${year - 1}`)).toEqual([]);
    // Once started, it belongs to the years of its spans only.
    const started = `已开工项目年度测试${uniqueSuffix()}`;
    startedNextYear = started;
    await insertProject(t().database, {
      name: started,
      pool: 'advancing',
      plannedStart: `${year + 1}-05-01`,
      plannedCompletion: `${year + 2}-05-01`,
      actualStart: `${year + 1}-05-01`,
    });
    expect(await namesOf(`q=${encodeURIComponent(started)}&year=${year}`)).toEqual([]);
  });

  it('counts on the demo’s dashboard every project of the list, and as started the projects the list finds started', async () => {
    const year = thisYear();
    const dashboard = (await office.get(`/api/v1/dashboard?year=${year}`)).json() as Dashboard;
    const all = (await office.get(`/api/v1/projects/totals?year=${year}`)).json() as { count: number };
    expect(dashboard.kpis.projects.count).toBe(all.count);
    // The demo district: all its key projects are this year's (none finished before the year began); of the projects
    // here only the one the test above started next year is not.
    const ofYear = new Set(await namesOf(`year=${year}`));
    expect((await namesOf('')).filter((name) => !ofYear.has(name))).toEqual([startedNextYear]);
    const started = (await office.get(`/api/v1/projects/totals?startedIn=${year}`)).json() as { count: number };
    expect(dashboard.kpis.newStarts.count).toBe(started.count);
  });
});
