import { FormulaError } from './errors';

/*
 * Formula text → tokens. Numbers may carry a Chinese magnitude (3亿 = 300000000, 5万 = 50000, 1.2万亿) or a percent
 * sign (30% = 0.3). Identifiers are ASCII letters, digits and _ or Chinese characters (投资完成率). Text is quoted
 * with "…" or “…” and only allowed in project filters. Full-width brackets, commas and the signs × ÷ ≤ ≥ ≠ are read
 * as their ASCII forms, as people typing in a Chinese input method produce them.
 */
export type TokenKind = 'number' | 'identifier' | 'text' | 'operator' | 'end';
export type Token = { kind: TokenKind; text: string; value: number | string; start: number; end: number };

export const MAX_FORMULA_LENGTH = 2000;

const SAME_AS: Record<string, string> = {
  '（': '(',
  '）': ')',
  '，': ',',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '＋': '+',
  '－': '-',
  '−': '-',
  '×': '*',
  '＊': '*',
  '÷': '/',
  '／': '/',
  '＜': '<',
  '＞': '>',
  '＝': '=',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
};
const TWO_CHARACTER = new Set(['<=', '>=', '!=', '==', '<>']);
const ONE_CHARACTER = new Set(['+', '-', '*', '/', '(', ')', '[', ']', ',', '<', '>', '=']);
const MAGNITUDES: readonly [string, number][] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];
const IDENTIFIER_START = /[A-Za-z_\p{Script=Han}]/u;
const IDENTIFIER_PART = /[A-Za-z0-9_\p{Script=Han}]/u;
const DIGIT = /[0-9]/;

export function tokenize(source: string): Token[] {
  if (source.length > MAX_FORMULA_LENGTH) throw new FormulaError('too_long', source, MAX_FORMULA_LENGTH, { max: MAX_FORMULA_LENGTH });
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    const start = at;
    if (DIGIT.test(char) || (char === '.' && DIGIT.test(source[at + 1] ?? ''))) {
      while (DIGIT.test(source[at] ?? '')) at += 1;
      if (source[at] === '.') {
        at += 1;
        if (!DIGIT.test(source[at] ?? '')) throw new FormulaError('unexpected_character', source, at, { found: source[at] ?? '' });
        while (DIGIT.test(source[at] ?? '')) at += 1;
      }
      let value = Number(source.slice(start, at));
      const magnitude = MAGNITUDES.find(([word]) => source.startsWith(word, at));
      if (magnitude) {
        value *= magnitude[1];
        at += magnitude[0].length;
      } else if (source[at] === '%' || source[at] === '％') {
        value /= 100;
        at += 1;
      }
      if (!Number.isFinite(value)) throw new FormulaError('out_of_range', source, start);
      if (IDENTIFIER_PART.test(source[at] ?? '')) throw new FormulaError('unexpected_character', source, at, { found: source[at] ?? '' });
      tokens.push({ kind: 'number', text: source.slice(start, at), value, start, end: at });
      continue;
    }
    if (IDENTIFIER_START.test(char)) {
      while (IDENTIFIER_PART.test(source[at] ?? '')) at += 1;
      const name = source.slice(start, at);
      tokens.push({ kind: 'identifier', text: name, value: name, start, end: at });
      continue;
    }
    if (char === '"' || char === '“') {
      const close = char === '"' ? '"' : '”';
      const finish = source.indexOf(close, at + 1);
      const newline = source.indexOf('\n', at + 1);
      if (finish < 0 || (newline >= 0 && newline < finish)) throw new FormulaError('unterminated_string', source, start);
      at = finish + 1;
      tokens.push({ kind: 'text', text: source.slice(start, at), value: source.slice(start + 1, finish), start, end: at });
      continue;
    }
    const pair = source.slice(at, at + 2);
    if (TWO_CHARACTER.has(pair)) {
      const operator = pair === '==' ? '=' : pair === '<>' ? '!=' : pair;
      tokens.push({ kind: 'operator', text: pair, value: operator, start, end: at + 2 });
      at += 2;
      continue;
    }
    const operator = SAME_AS[char] ?? char;
    if (ONE_CHARACTER.has(operator) || TWO_CHARACTER.has(operator)) {
      tokens.push({ kind: 'operator', text: char, value: operator, start, end: at + 1 });
      at += 1;
      continue;
    }
    throw new FormulaError('unexpected_character', source, at, { found: String.fromCodePoint(source.codePointAt(at) ?? 0) });
  }
  tokens.push({ kind: 'end', text: '', value: '', start: source.length, end: source.length });
  return tokens;
}
