import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { projects } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { loadActor } from '../auth/actor-repository';
import { newDraft } from './draft';
import { checkProjectDraft } from './project-rules';
import { unitIdByName, userIdOf } from '../../test/factories';
import { insertProjects } from './write-projects';

describeEachDatabase('the one project writer', (t) => {
  let office: Client;
  let ctx: RequestContext;
  let housingId: string;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    const actor = await loadActor(t().database.db, await userIdOf(t().database, 'office'), 'session');
    if (!actor) throw new Error('no office actor');
    ctx = { actor, ip: '127.0.0.1', requestId: 'write-projects-test' };
    housingId = await unitIdByName(t().database, '区住房和城乡建设局');
  });

  it('answers 409 (project.duplicate_code on the code), not a 500, when another save took the 项目代码 after the check (an import racing an API create)', async () => {
    const code = '2019-370105-47-03-918273';
    const draft = newDraft({ name: '导入中的项目', leadUnitId: housingId, code });
    const placement = await checkProjectDraft(t().database.db, ctx, draft, null);
    // The API creates a project with the same code between the import's check and its write.
    const created = await office.post('/api/v1/projects', { name: '抢先创建的项目', leadUnitId: housingId, code });
    expect(created.statusCode).toBe(201);
    const write = t().database.db.transaction((tx) => insertProjects(tx, ctx, [{ draft, placement, pool: 'planning' }]));
    await expect(write).rejects.toMatchObject({
      status: 409,
      code: 'conflict',
      details: [{ path: 'code', messageKey: 'project.duplicate_code' }],
    });
    await expect(write).rejects.toBeInstanceOf(AppError);
    const holders = await t().database.db.select({ name: projects.name }).from(projects).where(eq(projects.code, code));
    expect(holders.map((h) => h.name)).toEqual(['抢先创建的项目']);
  });
});
