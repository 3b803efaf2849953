/**
 * Deterministic randomness for the demo data: one stream per project and purpose, so editing one project (or adding
 * a purpose) leaves the others' figures alone.
 */
import { addDays, daysBetween } from '../../../common/domain/dates';

export type Rng = () => number;

function hashSeed(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const rngFor = (...parts: (string | number)[]) => mulberry32(hashSeed('lantu-demo-projects', ...parts));
export const between = (r: Rng, low: number, high: number) => low + (high - low) * r();
export const intBetween = (r: Rng, low: number, high: number) => low + Math.floor(r() * (high - low + 1));
export const chance = (r: Rng, p: number) => r() < p;
export function pickOne<T>(r: Rng, items: readonly T[]): T {
  const item = items[Math.floor(r() * items.length)];
  if (item === undefined) throw new Error('pickOne from an empty list');
  return item;
}

/** A UUID (version-4 layout) drawn from a seeded stream, so the rows' ids are reproducible too. */
export function seededUuid(r: Rng): string {
  const word = () =>
    Math.floor(r() * 4_294_967_296)
      .toString(16)
      .padStart(8, '0');
  const s = `${word()}${word()}${word()}${word()}`;
  const variant = ((Number.parseInt(s[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

/** A date from `from` to `to` inclusive; `from` when the range is empty. */
export function pickDate(r: Rng, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, intBetween(r, 0, span));
}
