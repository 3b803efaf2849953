/**
 * A ranking of scored lines (考核排名): highest score first; scores equal to two decimals (what a reader sees) share
 * a rank and the next rank skips (1, 1, 3 — competition ranking); lines with equal scores are ordered by name, then
 * id, so the same scores always give the same order. Lines with no score (the formula failed for them) come last,
 * with no rank.
 */
export type Ranked<T> = T & { rank: number | null; position: number };

/** The score a rank compares: rounded to two decimals, so float noise below what is shown never splits a tie. */
export const rankingScore = (score: number) => Math.round(score * 100) / 100;

export function rankByScore<T extends { id: string; name: string; score: number | null }>(lines: readonly T[]): Ranked<T>[] {
  const byName = (a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const scored = lines.filter((line) => line.score !== null);
  const unscored = lines.filter((line) => line.score === null).sort(byName);
  scored.sort((a, b) => rankingScore(b.score as number) - rankingScore(a.score as number) || byName(a, b));
  const ranked: Ranked<T>[] = [];
  scored.forEach((line, index) => {
    const previous = ranked[index - 1];
    const tied = previous && rankingScore(previous.score as number) === rankingScore(line.score as number);
    ranked.push({ ...line, rank: tied ? previous.rank : index + 1, position: index + 1 });
  });
  for (const line of unscored) ranked.push({ ...line, rank: null, position: ranked.length + 1 });
  return ranked;
}
