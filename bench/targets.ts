/**
 * Targets at province scale on PostgreSQL (issue 15's budgets: indicator pages p95 ≤ 100 ms at province scale; the
 * 通报 for a district ≤ 3 s). A fresh database gets the demo (天桥区 and the city's two smaller districts, 济南市's and
 * 山东省's own indicators broken down below them, the province user), then 100,000 synthetic projects in 天桥区
 * (bench/scale.ts's generator, `BENCH_TARGETS_PROJECTS`) with an annual plan and completed months of this year each —
 * what the computed indicators (key projects, their investment, new starts, investment completed) read. Then:
 * - 目标指标 as the district office reads it (its 17 indicators, each computed one a query over the 100,000 projects);
 * - the same page as the province user reads it (every district's indicators, the city's and the province's with
 *   their shares, each share's actual computed over its district or city) and its 区县对比 (`by-district`);
 * - one indicator's page (its history and breakdown);
 * - the district's monthly 通报 (.docx) of last month (this month's in January: the demo's year has no December).
 * Run alone with `npx tsx bench/targets.ts` (BENCH_DATABASE_URL, the server's admin URL, required; the database is
 * `lantu_bench_targets`, or BENCH_TARGETS_DATABASE; the server's port 3295, or BENCH_TARGETS_PORT). `--reuse` measures
 * the database an earlier run generated instead of generating it again (≈ 8 minutes on a quiet machine).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { todayInChina } from '../common/domain/dates';
import { measure, rssMb, signIn, startServer, stop } from './lib';
import { createDatabase, databaseUrl, seedProjects } from './scale';

export const BENCH_TARGETS_PROJECTS = Number(process.env.BENCH_TARGETS_PROJECTS ?? 100_000);
/** Requests per page measured (BENCH_TARGETS_RUNS); the 通报 is asked for five times. */
const RUNS = Number(process.env.BENCH_TARGETS_RUNS ?? 50);

/** An annual plan and this year's completed months for every project: the investment-completed computation's rows. */
async function seedInvestment(url: string, year: number, month: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `insert into annual_plans (project_id, year, version_no, planned_yuan, monthly_yuan)
     select id, $1, 1, 12000000, array_fill(1000000::bigint, array[12]) from projects on conflict do nothing`,
    [year],
  );
  await client.query(
    `insert into project_month_investment (project_id, year, month, completed_yuan)
     select p.id, $1, m, 900000 from projects p cross join generate_series(1, $2::int) m on conflict do nothing`,
    [year, month],
  );
  // The kept figures (dashboard_figures, which the dashboard and the computed indicators read) are emptied: the
  // server started for the measurements builds them from the generated rows (fillDashboardFiguresIfEmpty).
  await client.query('delete from dashboard_project_shares');
  await client.query('delete from dashboard_figures');
  await client.query('vacuum analyze');
  await client.end();
}

export async function targetsBench(adminUrl: string, { name = 'lantu_bench_targets', port = 3295, reuse = false } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-targets-'));
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const url = reuse ? databaseUrl(adminUrl, name) : await createDatabase(adminUrl, name);
  if (!reuse) {
    const first = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
    await stop(first.child);
    await seedProjects(url, BENCH_TARGETS_PROJECTS);
    await seedInvestment(url, year, month);
  }
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url }, port);
  const base = `http://127.0.0.1:${port}`;
  const office = await signIn(base);
  const province = await signIn(base, 'province');
  const label = (text: string) => `postgres, ${BENCH_TARGETS_PROJECTS.toLocaleString('en')} more projects: ${text}`;
  const list = (await (await fetch(`${base}/api/v1/targets/indicators?year=${year}`, { headers: office })).json()) as {
    items: { id: string; name: string }[];
  };
  const indicatorId = list.items.find((i) => i.name === '完成投资')?.id ?? list.items[0]?.id ?? '';
  // Last month's 通报; in January the demo's year has no last month, so this month's (the figures as of today).
  const briefing = month === 1 ? { year, month } : { year, month: month - 1 };
  const rows = [
    await measure(label(`GET /targets/indicators, district office (${list.items.length} indicators; budget p95 100 ms)`), RUNS, () =>
      fetch(`${base}/api/v1/targets/indicators?year=${year}`, { headers: office }),
    ),
    await measure(label('GET /targets/indicators/:id, district office (history, breakdown; budget p95 100 ms)'), RUNS, () =>
      fetch(`${base}/api/v1/targets/indicators/${indicatorId}`, { headers: office }),
    ),
    await measure(
      label('GET /targets/indicators, province user (every district, city and province indicator, shares; budget p95 100 ms)'),
      RUNS,
      () => fetch(`${base}/api/v1/targets/indicators?year=${year}`, { headers: province }),
    ),
    await measure(label('GET /targets/indicators/by-district, province user (区县对比; budget p95 100 ms)'), RUNS, () =>
      fetch(`${base}/api/v1/targets/indicators/by-district?year=${year}`, { headers: province }),
    ),
    await measure(label(`GET /briefings/monthly, district office (${briefing.year}-${briefing.month} 通报 .docx; budget 3 s)`), 5, () =>
      fetch(`${base}/api/v1/briefings/monthly?year=${briefing.year}&month=${briefing.month}`, { headers: office }),
    ),
    [label('server RSS after the runs'), '', `RSS ${rssMb(server.child.pid ?? 0)} MB`],
  ];
  await stop(server.child);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const port = Number(process.env.BENCH_TARGETS_PORT ?? 3295);
  const name = process.env.BENCH_TARGETS_DATABASE ?? 'lantu_bench_targets';
  for (const row of await targetsBench(url, { name, port, reuse: process.argv.includes('--reuse') })) console.log(row.join(' | '));
  console.log(
    `load average after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
