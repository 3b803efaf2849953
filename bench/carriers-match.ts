/**
 * Matching a need against 20,000 parcels and buildings (issue 17's budget: ≤ 100 ms). Two figures: the pure ranker
 * over 20,000 candidates in process, and `GET /api/v1/carriers/match` on PostgreSQL with the demo district holding
 * 10,000 available parcels and 10,000 buildings with vacant space (seeded straight into a fresh database).
 * Run by `npm run bench` when BENCH_DATABASE_URL is set; alone: `npx tsx bench/carriers-match.ts` with it set (and
 * BENCH_DATABASE_NAME / BENCH_PORT to keep clear of another run); each figure is printed as soon as it is measured.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type CarrierCandidate, rankCarriers } from '../common/domain/carrier-match';
import { CARRIER_USES } from '../common/enums';
import { measure, percentile, signIn, startServer, stop } from './lib';
import { createDatabase } from './scale';

const PARCELS = 10_000;
const BUILDINGS = 10_000;
const PARKS = 200;
const DISTRICT = '370105';
const INDUSTRIES = ['new_materials', 'smart_equip', 'med_devices', 'testing'];

/** A deterministic pseudo-random sequence, so every run ranks the same inventory. */
function randomFrom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function syntheticCandidates(n: number): CarrierCandidate[] {
  const random = randomFrom(17);
  return Array.from({ length: n }, (_, i): CarrierCandidate => {
    const use = CARRIER_USES[Math.floor(random() * CARRIER_USES.length)] ?? 'industrial';
    const industries = [INDUSTRIES[Math.floor(random() * INDUSTRIES.length)] ?? 'testing'];
    return i % 2 === 0
      ? {
          kind: 'parcel',
          id: `p${i}`,
          name: `地块${i}`,
          areaMu: Math.round(random() * 20_000) / 100,
          use,
          available: true,
          industries,
          standard:
            random() < 0.4
              ? {
                  investmentIntensityWan: 250 + Math.round(random() * 250),
                  outputPerMuWan: null,
                  taxPerMuWan: null,
                  plotRatio: null,
                  energyPerUnit: null,
                }
              : null,
        }
      : {
          kind: 'building',
          id: `b${i}`,
          name: `楼宇${i}`,
          vacantAreaM2: Math.round(random() * 20_000),
          use,
          rentYuanPerM2Day: 0.4 + random(),
          industries,
        };
  });
}

/** The pure ranker alone, 50 times over 20,000 candidates. */
function rankerBench(): string[] {
  const candidates = syntheticCandidates(PARCELS + BUILDINGS);
  const need = {
    landMu: 30,
    floorAreaM2: 2000,
    use: 'industrial' as const,
    industry: 'smart_equip',
    investmentWan: 12_000,
    maxRentYuan: 1,
  };
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    rankCarriers(need, candidates, 20);
    times.push(performance.now() - started);
  }
  return [
    'carriers: rank 20,000 parcels and buildings (pure ranker, in process)',
    `${percentile(times, 50).toFixed(1)} ms`,
    `${percentile(times, 95).toFixed(1)} ms`,
  ];
}

/** Says how far the bench has got (stderr: the report stays clean); a start-up that seeds the demo takes minutes. */
const progress = (started: number, text: string) =>
  process.stderr.write(`[carriers-match ${Math.round((performance.now() - started) / 1000)} s] ${text}\n`);

/** 200 parks of 50 buildings each and 10,000 available parcels in the demo district, in a few statements. */
async function seedInventory(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into parks (region_code, name, leading_industries)
       select $1, '压测园区' || g, array[($2::text[])[1 + g % 4]] from generate_series(1, $3) g`,
      [DISTRICT, INDUSTRIES, PARKS],
    );
    await client.query(
      `insert into buildings (park_id, name, use, floors, total_area_m2, vacant_area_m2, rent_yuan_per_m2_day)
       select p.id, '楼' || g, ($1::text[])[1 + g % 6], 6, 20000, (g * 37) % 20000, 0.4 + (g % 10) / 10.0
       from parks p cross join generate_series(1, $2) g where p.name like '压测园区%'`,
      [CARRIER_USES, BUILDINGS / PARKS],
    );
    await client.query(
      `insert into land_parcels (region_code, code, name, area_mu, planned_use, industries, status, std_investment_wan_per_mu)
       select $1, 'BENCH-' || g, '压测地块' || g, 1 + (g * 7) % 200, ($2::text[])[1 + g % 6], array[($3::text[])[1 + g % 4]], 'available',
              case when g % 3 = 0 then 250 + g % 250 end
       from generate_series(1, $4) g`,
      [DISTRICT, CARRIER_USES, INDUSTRIES, PARCELS],
    );
    await client.query('analyze parks; analyze buildings; analyze land_parcels');
  } finally {
    await client.end();
  }
}

/**
 * Both figures, as rows of the benchmark report; each row is also handed to `onRow` as soon as it is measured (the
 * standalone run prints it then, so a run stopped later still leaves its figures). `name` and `port` let it run beside
 * another bench or another person's.
 */
export async function carriersMatchBench(
  adminUrl: string,
  { name = 'lantu_bench_carriers', port = 3293, onRow = (_row: string[]) => {} } = {},
): Promise<string[][]> {
  const started = performance.now();
  const rows: string[][] = [];
  const add = (row: string[]) => {
    rows.push(row);
    onRow(row);
  };
  add(rankerBench());
  const url = await createDatabase(adminUrl, name);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lantu-bench-carriers-'));
  // The first start migrates and seeds the demo (minutes on a loaded machine); the inventory goes in beside it.
  progress(started, `starting the server on ${name}: migrations and the demo`);
  const server = await startServer({ LANTU_DATA_DIR: dataDir, DATABASE_URL: url, LANTU_DEMO: '1' }, port);
  try {
    progress(started, 'seeding 10,000 parcels and 10,000 buildings');
    await seedInventory(url);
    const base = `http://127.0.0.1:${port}`;
    const headers = await signIn(base);
    progress(started, 'measuring');
    const land = '/api/v1/carriers/match?landMu=30&use=industrial&industry=smart_equip&investmentWan=12000';
    const both = '/api/v1/carriers/match?landMu=5&floorAreaM2=500&industry=new_materials&investmentWan=2000&maxRentYuan=1';
    add(
      await measure('carriers: GET /carriers/match, land 30 亩 industrial (10,000 parcels + 10,000 buildings, postgres)', 100, () =>
        fetch(`${base}${land}`, { headers }),
      ),
    );
    add(
      await measure('carriers: GET /carriers/match, land 5 亩 and 500 m² (most of the 20,000 fit, postgres)', 100, () =>
        fetch(`${base}${both}`, { headers }),
      ),
    );
  } finally {
    await stop(server.child);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL (a PostgreSQL server this user may create databases on)');
  await carriersMatchBench(url, {
    name: process.env.BENCH_DATABASE_NAME ?? 'lantu_bench_carriers',
    port: Number(process.env.BENCH_PORT ?? 3293),
    onRow: (row) => console.log(row.join(' | ')),
  });
}
