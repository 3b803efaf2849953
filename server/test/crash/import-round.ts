import type { ImportJob } from '../../../common/schemas/imports';
import { multipartOf, projectsWorkbook } from '../../modules/imports/test-workbooks';
import type { ChildServer } from './child-server';
import type { HttpSession } from './http-session';
import { MARK } from './write-streams';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one import round saw: whether the commit was acknowledged, and what the restarted server holds. */
export type ImportRound = {
  acknowledged: boolean;
  status: string;
  projects: number;
  validateMs: number;
  killAfterMs: number;
  restartMs: number;
};

async function settle(session: HttpSession, id: string): Promise<ImportJob> {
  for (;;) {
    const job = await session.read<ImportJob>(`/api/v1/imports/${id}`);
    if (job.status !== 'validating') return job;
    await sleep(250);
  }
}

/**
 * Uploads a spreadsheet of `rows` new projects, waits for its validation, then commits it and kills the server at
 * a random moment of the commit (the validation's duration is the measure of how long a commit takes). After the
 * restart the import must be whole or absent: committed with every row, or not committed with none.
 */
export async function killDuringImport(
  server: ChildServer,
  session: HttpSession,
  { rows, tag, leadUnitName, killAfter }: { rows: number; tag: string; leadUnitName: string; killAfter: (validateMs: number) => number },
): Promise<ImportRound> {
  const prefix = `${MARK}导入${tag}第`;
  const workbook = await projectsWorkbook(
    Array.from({ length: rows }, (_, i) => ({ 项目名称: `${prefix}${i + 1}行`, 责任单位: leadUnitName })),
  );
  const form = multipartOf({ kind: 'projects' }, { name: `${tag}.xlsx`, content: workbook });
  const uploaded = await session.request('POST', '/api/v1/imports', form.payload, { 'content-type': form.contentType });
  if (uploaded.status !== 202) throw new Error(`upload refused: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const { id } = uploaded.body as { id: string };
  const started = Date.now();
  const validated = await settle(session, id);
  const validateMs = Date.now() - started;
  if (validated.status !== 'ready') throw new Error(`the import did not validate: ${JSON.stringify(validated).slice(0, 2000)}`);

  let acknowledged = false;
  const commit = session.request('POST', `/api/v1/imports/${id}/commit`).then(
    (response) => {
      if (response.status !== 200) throw new Error(`commit refused: ${response.status} ${JSON.stringify(response.body)}`);
      acknowledged = true;
    },
    () => {
      // The connection died with the server: not acknowledged.
    },
  );
  const killAfterMs = killAfter(validateMs);
  await Promise.race([commit, sleep(killAfterMs)]);
  await server.stop('SIGKILL');
  await commit;

  const restarted = Date.now();
  await server.start();
  const restartMs = Date.now() - restarted;
  const job = await session.read<ImportJob>(`/api/v1/imports/${id}`);
  const found = await session.read<{ total: number }>(`/api/v1/projects?q=${encodeURIComponent(prefix)}&pageSize=1`);
  return { acknowledged, status: job.status, projects: found.total, validateMs, killAfterMs, restartMs };
}
