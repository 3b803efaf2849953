import { toSimplified } from './traditional';

/*
 * Pasted text made plain before it is read: markup and scripts dropped, entities decoded, annotation markers ([1],
 * ①, 〔2〕, [注1]) removed, full-width digits, letters and signs made half-width (the Chinese comma, enumeration comma
 * and full stop stay: they separate clauses), thousands separators dropped (1,200 → 1200), traditional characters
 * simplified, and spaces inside Chinese text (from PDFs and page layouts) removed.
 */
const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  middot: '·',
  mdash: '—',
  hellip: '…',
  ensp: ' ',
  emsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return Object.hasOwn(ENTITIES, body.toLowerCase()) ? (ENTITIES[body.toLowerCase()] as string) : whole;
  });
}

/** Full-width forms that become ASCII; ，、。 and “” are kept; （） become (). */
const KEPT_FULL_WIDTH = new Set(['，', '、', '。', '；', '：', '！', '？']);

function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (character) => {
    if (character === '\u3000') return ' ';
    if (KEPT_FULL_WIDTH.has(character)) return character;
    return String.fromCharCode(character.charCodeAt(0) - 0xfee0);
  });
}

const CJK = '\\p{Script=Han}，。、；：“”()';

/** indexOf that remembers its last answer, so scanning a text for many openers stays linear when closers are missing. */
function cachedFinder(haystack: string, needle: string): (from: number) => number {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from) => {
    if (from >= searchedFrom && (found === -1 || found >= from)) return found;
    searchedFrom = from;
    found = haystack.indexOf(needle, from);
    return found;
  };
}

const BREAKING_TAG = /^<(?:br\b|\/(?:p|div|li|tr|h[1-6])\b)/i;

/** Drops tags, comments, scripts and styles in one pass (no regex backtracking over a megabyte of '<'). */
function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  const lower = text.toLowerCase();
  const nextGreater = cachedFinder(text, '>');
  const nextCommentEnd = cachedFinder(text, '-->');
  const nextScriptEnd = cachedFinder(lower, '</script');
  const nextStyleEnd = cachedFinder(lower, '</style');
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    if (open < 0) {
      out += text.slice(at);
      break;
    }
    out += text.slice(at, open);
    const head = lower.slice(open, open + 8);
    let end = -1;
    if (head.startsWith('<!--')) {
      const close = nextCommentEnd(open + 4);
      end = close < 0 ? -1 : close + 3;
    } else if (/^<(?:script|style)\b/.test(head)) {
      const close = (head.startsWith('<script') ? nextScriptEnd : nextStyleEnd)(open + 1);
      const greater = close < 0 ? -1 : nextGreater(close);
      end = greater < 0 ? -1 : greater + 1;
    } else if (/^<\/?[a-z]/.test(head)) {
      const greater = nextGreater(open);
      end = greater < 0 ? -1 : greater + 1;
    }
    if (end < 0) {
      out += '<';
      at = open + 1;
      continue;
    }
    out += BREAKING_TAG.test(head) ? '\n' : ' ';
    at = end;
  }
  return out;
}

export function normalizeText(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n');
  text = stripMarkup(text);
  text = decodeEntities(text);
  text = halfWidth(text);
  text = toSimplified(text);
  // Pinyin left in brackets by converted pages: 现(xiàn)场 → 现场.
  text = text.replace(/\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g, '');
  // Annotation markers: [1], [12], [注1], 〔1〕, circled numbers ①…⑳ and superscript digits.
  text = text.replace(/\[(?:注)?\d{1,3}\]|〔\d{1,3}〕|[\u2460-\u2473\u2776-\u277f¹²³\u2070-\u2079]/g, '');
  // Thousands separators: 1,200 and 12,345.6 (not the Chinese comma, which separates clauses).
  text = text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  text = text.replace(/[ \t\u00a0]+/g, ' ');
  text = text.replace(new RegExp(`(?<=[${CJK}]) (?=[${CJK}0-9%])|(?<=[${CJK}0-9%]) (?=[${CJK}])|(?<=[0-9]) (?=%)`, 'gu'), '');
  text = text.replace(/ *\n[ \n]*/g, '\n');
  return text.trim();
}
