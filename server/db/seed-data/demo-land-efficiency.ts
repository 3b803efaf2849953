import type { Executor } from '../client';
import { enterpriseLandFigures, type enterprises, landEfficiencyThresholds } from '../schema';

// The demo district's 亩均效益 for 2025: invented figures of its local industrial enterprises (one left without
// figures, as a district always has a late one) and 天桥区's invented thresholds, spread so every class has members.

/** The demo's year of 亩均效益. */
export const DEMO_LAND_YEAR = 2025;

/** 天桥区's 2025 thresholds (万元/亩): A from 30 tax and 500 output per 亩, B from 15 and 300, C from 5 and 150. */
export const DEMO_LAND_THRESHOLDS = {
  aTaxWanPerMu: 30,
  aOutputWanPerMu: 500,
  bTaxWanPerMu: 15,
  bOutputWanPerMu: 300,
  cTaxWanPerMu: 5,
  cOutputWanPerMu: 150,
};

// name → land 亩, tax 万元, output 万元, energy 吨标准煤.
const FIGURES: [name: string, landMu: number, taxWan: number, outputWan: number, energyTce: number | null][] = [
  ['济南北园智能装备有限公司', 85, 2890, 46_750, 3200], // 34 / 550 per 亩: A
  ['济南泺口精密传动股份有限公司', 120, 3840, 62_400, 5100], // 32 / 520: A
  ['山东黄河湾生物医药有限公司', 60, 1260, 21_000, 2400], // 21 / 350: B
  ['济南宝华光电科技有限公司', 48, 1008, 16_320, 1900], // 21 / 340: B
  ['济南药山新能源电气有限公司', 150, 2550, 33_000, 6800], // 17 / 220: tax for B, output only for C → C
  ['济南桑梓店食品有限公司', 95, 665, 17_100, 4800], // 7 / 180: C
  ['济南大桥新材料股份有限公司', 210, 840, 27_300, 18_500], // 4 / 130: D
  // 济南无影山汽车零部件有限公司 has not reported its 2025 figures.
];

type EnterpriseInsert = typeof enterprises.$inferInsert;

/** The demo's 2025 figures for the register's enterprises named above, and the district's thresholds. */
export function buildDemoLandEfficiency(regionCode: string, register: EnterpriseInsert[], createdBy: string | null) {
  const byName = new Map(register.map((e) => [e.name, e]));
  const figures = FIGURES.map(([name, landMu, taxWan, outputWan, energyTce]) => {
    const enterprise = byName.get(name);
    if (!enterprise?.id) throw new Error(`the demo register has no ${name}`);
    return {
      enterpriseId: enterprise.id,
      year: DEMO_LAND_YEAR,
      landMu,
      taxYuan: taxWan * 10_000,
      outputYuan: outputWan * 10_000,
      energyTce,
      createdBy,
    };
  });
  const thresholds = { regionCode, year: DEMO_LAND_YEAR, ...DEMO_LAND_THRESHOLDS, updatedBy: createdBy };
  return { figures, thresholds };
}

/** Inserts the demo's 亩均效益; run it inside the seed's transaction, after the register. */
export async function insertDemoLandEfficiency(tx: Executor, rows: ReturnType<typeof buildDemoLandEfficiency>) {
  await tx.insert(enterpriseLandFigures).values(rows.figures);
  await tx.insert(landEfficiencyThresholds).values(rows.thresholds);
}
