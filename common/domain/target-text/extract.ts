import { CHINESE_NUMERAL_CHARACTERS, parseChineseNumeral } from './numerals';
import { normalizeText } from './normalize';

/*
 * Quantified targets from pasted Chinese text: rule-based, and each row says which rule matched.
 *
 * The text is normalised (normalize.ts), split into sentences (。！？；and line breaks) and clauses (，、：), and each
 * quantity — a number (Arabic, Chinese numerals, 百分之N, N成) followed by a unit of measure — becomes a row named by
 * the words before it in its clause (or, for "建设100个口袋公园", the verb before and the noun after). Qualifiers
 * around it set the direction (以上 at least, 左右 about, 余/超过 more than, 以内/以下 at most); 力争 and 确保 are kept
 * as qualifiers. Whether a row is last year's actual or this year's target is decided by markers in its clause
 * (去年, 过去一年, an earlier year, 完成了… for actuals; 今年, 力争, 确保, 计划, 将, 预期目标… for targets), else by the
 * last marker before it in the text, so a review section's sentences stay actuals until the targets begin.
 */
export const MAX_TARGET_TEXT_LENGTH = 1_000_000;

export type TargetDirection = 'exactly' | 'at_least' | 'at_most' | 'about' | 'more_than';
export type TargetKind = 'target' | 'actual';
export type TargetProposal = 'indicator' | 'pledge';
export type QuantityPattern = 'arabic' | 'chinese_numeral' | 'percent_words' | 'cheng';

export type ExtractedTarget = {
  name: string;
  value: number;
  /** As written, magnitude included: %, 亿元, 万亿元, 万平方米, 个… (百分之N and N成 give %). */
  unit: string;
  direction: TargetDirection;
  /** The qualifier words found: 以上, 左右, 余, 超过, 力争, 确保… */
  qualifiers: string[];
  /** A rate of change (增长/下降/提高… in %), not a level. */
  growth: boolean;
  kind: TargetKind;
  /** The marker that decided the kind ("今年", "2023年", "过去一年"…; "default" when none was seen). */
  kindReason: string;
  proposal: TargetProposal;
  /** Why the row is proposed as an indicator or a pledge (the word or unit that decided). */
  proposalReason: string;
  /** How the number was read. */
  pattern: QuantityPattern;
  /** The quantity as it stands in the text (number, unit and qualifiers). */
  matched: string;
  sentence: string;
  /** Where the sentence starts in the normalised text. */
  sentenceOffset: number;
};

export type TargetExtraction = {
  rows: ExtractedTarget[];
  normalizedText: string;
  /** Why there are no rows: the text has no digits or numerals at all, or none with a unit of measure. */
  reason: 'no_numbers' | 'no_quantities' | null;
};

export type TargetTextErrorCode = 'too_long' | 'not_text';
export class TargetTextError extends Error {
  constructor(
    readonly code: TargetTextErrorCode,
    readonly params: Record<string, number> = {},
  ) {
    super(code);
    this.name = 'TargetTextError';
  }
}

const MESSAGES: Record<TargetTextErrorCode, { 'zh-CN': string; 'en-US': string }> = {
  too_long: { 'zh-CN': '文本过长：最多 {max} 个字符', 'en-US': 'The text is too long: at most {max} characters' },
  not_text: { 'zh-CN': '请粘贴文本', 'en-US': 'Paste text' },
};
export function targetTextErrorMessage(error: TargetTextError, locale: 'zh-CN' | 'en-US'): string {
  return MESSAGES[error.code][locale].replace(/\{(\w+)\}/g, (_, key: string) => String(error.params[key] ?? ''));
}

// Base units, longest first; a magnitude (万亿, 亿, 万, 千) may stand before any of them.
const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '千瓦',
  '公里',
  '公顷',
  '人次',
  '美元',
  '个',
  '%',
  '元',
  '斤',
  '吨',
  '宗',
  '亩',
  '套',
  '人',
  '家',
  '户',
  '所',
  '项',
  '件',
  '条',
  '座',
  '处',
  '辆',
  '台',
  '间',
  '张',
  '名',
  '例',
  '场',
  '栋',
  '米',
  '倍',
  '成',
];
const NUMERAL = `[${CHINESE_NUMERAL_CHARACTERS.slice(0, 13)}][${CHINESE_NUMERAL_CHARACTERS}]*`;
const QUANTITY = new RegExp(
  `(?<words>百分之)?(?<number>\\d+(?:\\.\\d+)?|${NUMERAL})(?<more>余|多)?(?<magnitude>万亿|亿|万|千)?(?<more2>余|多)?(?<unit>${UNITS.join('|')})?(?<after>以上|左右|上下|以内|以下)?`,
  'gu',
);

const BEFORE_QUALIFIERS: [RegExp, TargetDirection][] = [
  [/(?:不低于|不少于|至少)$/, 'at_least'],
  [/(?:不超过|不高于|控制在|低于)$/, 'at_most'],
  [/(?:超过|突破|超|逾)$/, 'more_than'],
  [/(?:约|近|大约|左右为)$/, 'about'],
];
const AFTER_DIRECTION: Record<string, TargetDirection> = {
  以上: 'at_least',
  左右: 'about',
  上下: 'about',
  以内: 'at_most',
  以下: 'at_most',
};

const ACTUAL_MARKERS =
  /去年|过去一年|过去五年|过去的一年|一年来|五年来|今年以来|工作回顾|回顾|已经|(?:实现|完成|达到|建成|新增|开工|签约)了/;
const STRONG_TARGET_MARKERS = /今年(?!以来)|明年|力争|确保|预期目标|计划/;
const TARGET_MARKERS = /今年(?!以来)|明年|力争|确保|计划|预期目标|主要目标|目标是|目标任务|工作任务|将(?=\p{Script=Han})|全年要/u;
const COMMITMENTS = /力争|确保/g;

const LEADING_NOISE =
  /^(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.]|去年|上年|过去一年|[一二三四五六七八九十]+是|其中|今年|明年|全年|年内|年底前?|20\d\d年度?|预计|力争|确保|计划|将|要|全区|全市|全县|全省|全国|我区|我市|我县|主要预期目标是?|预期目标是?|目标是|并|同时|共|累计|比上年|同比|年均|是|为|和|及|与|的|“|"|《|”|》)+/;
const TRAILING_NOISE =
  /(?:[。！？；;!?]|目标|平均|达到|达|为|约|近|大约|超过|突破|超|逾|不低于|不少于|至少|不超过|不高于|控制在|低于|保持在|稳定在|在|了|共|合计|总计|累计|实现|“|"|”|》)+$/;
const GROWTH_WORDS = /^(?:增长|下降|降低|提高|上涨|增加|减少|涨幅|增速|增幅)$/;
const GROWTH_END = /(?:增长|下降|降低|提高|上涨|涨幅|增速|增幅)$/;
const VERB_END = /(?:改扩建|办好|建设|新建|建成|完成|实施|打造|开展|新增|启动|提供|引进|培训|改造|治理|新开工|签约|招引|争取|加装)$/;
const FOLLOWING_STOP = /(?:完成|实现|建成|达到|开工|签约|投用|竣工).*$/;
const ACTION_VERB =
  /^(?:新开工改造|改扩建|新改扩建|新建|建设|建成|完成|实施|新增|开展|提供|打造|启动|加装|整治|治理|改造|培训|筛查|免费|开通|新开|引进|招引|争取|推进|组织|举办|发放|办理|安置|帮扶|植树|种植)/;
const LIVELIHOOD =
  /老旧小区|棚户|保障性住房|学校|幼儿园|学位|公园|停车|充电|道路|街巷|管网|厕所|养老|托育|助餐|医院|菜市场|公交|供暖|燃气|护栏|路灯|筛查|体检|培训|无障碍|黑臭水体|饮水|健身|口袋|学生|心理|绿道|安置|适老化|困难|残疾|民生/;
const INDICATOR_WORDS =
  /生产总值|GDP|增加值|交易额|营业额|销售额|投资|收入|零售|进出口|外资|内资|外贸|税收|财政|消费|就业|失业|价格|能耗|产量|重点项目|新开工|签约|到位|供地|供应|产值|总额|规模|企业|研发|项目/;

type Clause = { text: string; start: number };

function splitSentences(text: string): { text: string; start: number }[] {
  const sentences: { text: string; start: number }[] = [];
  const pattern = /[^。！？；;!?\n]+[。！？；;!?]?/g;
  for (const match of text.matchAll(pattern)) {
    const trimmed = match[0].trim();
    if (trimmed) sentences.push({ text: trimmed, start: (match.index ?? 0) + match[0].indexOf(trimmed) });
  }
  return sentences;
}

function splitClauses(sentence: string): Clause[] {
  const clauses: Clause[] = [];
  for (const match of sentence.matchAll(/[^，,、：:]+/g)) clauses.push({ text: match[0], start: match.index ?? 0 });
  return clauses;
}

function cleanName(raw: string): string {
  let name = raw.replace(/[“”"《》'‘’]|分别/g, '').trim();
  for (let i = 0; i < 4; i += 1) {
    const next = name.replace(LEADING_NOISE, '').replace(TRAILING_NOISE, '').trim();
    if (next === name) break;
    name = next;
  }
  // 实现/完成 before an economic figure is a verb of reporting, not part of its name (完成老旧小区改造 keeps it).
  name = name.replace(/^实现/, '');
  const stripped = name.replace(/^完成/, '');
  if (stripped !== name && INDICATOR_WORDS.test(stripped) && !LIVELIHOOD.test(stripped)) name = stripped;
  return name;
}

type Reading = { value: number; unit: string; pattern: QuantityPattern } | null;

function readQuantity(groups: Record<string, string | undefined>): Reading {
  const number = groups.number ?? '';
  let magnitude = groups.magnitude ?? '';
  let unit = groups.unit ?? '';
  const arabic = /^\d/.test(number);
  let value: number | null;
  if (arabic) value = Number(number);
  else {
    // 十二万平方米: the numeral's trailing 万 (or 亿) belongs to the unit when a unit follows.
    const trailing = /(万亿|亿|万)$/.exec(number);
    const core =
      trailing && (unit || magnitude === '') && number.length > trailing[0].length ? number.slice(0, -trailing[0].length) : number;
    if (core !== number && trailing) magnitude = trailing[0] + magnitude;
    value = parseChineseNumeral(core);
  }
  if (value === null || !Number.isFinite(value)) return null;
  if (groups.words) {
    if (unit || magnitude) return null;
    return { value, unit: '%', pattern: 'percent_words' };
  }
  if (unit === '成') {
    if (arabic || magnitude || value > 10) return null;
    return { value: value * 10, unit: '%', pattern: 'cheng' };
  }
  if (!unit && !magnitude) return null;
  if (!unit && magnitude === '千') return null;
  unit = magnitude + unit;
  return { value, unit, pattern: arabic ? 'arabic' : 'chinese_numeral' };
}

function proposalOf(name: string, unit: string, growth: boolean): { proposal: TargetProposal; reason: string } {
  if (growth || unit === '%' || unit === '个百分点') return { proposal: 'indicator', reason: growth ? 'growth' : unit };
  const livelihood = LIVELIHOOD.exec(name);
  if (livelihood) return { proposal: 'pledge', reason: livelihood[0] };
  const indicator = INDICATOR_WORDS.exec(name);
  if (indicator) return { proposal: 'indicator', reason: indicator[0] };
  const verb = ACTION_VERB.exec(name);
  if (verb) return { proposal: 'pledge', reason: verb[0] };
  return { proposal: 'indicator', reason: 'default' };
}

function latestYear(text: string): number | null {
  let latest: number | null = null;
  for (const match of text.matchAll(/(20\d\d)年/g)) latest = Math.max(latest ?? 0, Number(match[1]));
  return latest;
}

/** Finds the quantified targets (and actuals) in pasted text. Throws TargetTextError for text over 1,000,000 characters. */
export function extractTargets(raw: string): TargetExtraction {
  if (typeof raw !== 'string') throw new TargetTextError('not_text');
  if (raw.length > MAX_TARGET_TEXT_LENGTH) throw new TargetTextError('too_long', { max: MAX_TARGET_TEXT_LENGTH });
  const normalizedText = normalizeText(raw);
  if (!/[0-9零〇一二两三四五六七八九十百千]/.test(normalizedText)) return { rows: [], normalizedText, reason: 'no_numbers' };
  const targetYear = latestYear(normalizedText);
  const rows: ExtractedTarget[] = [];
  let kind: TargetKind = 'target';
  let kindReason = 'default';

  for (const sentence of splitSentences(normalizedText)) {
    let previousSubject = '';
    let previousName = '';
    const sentenceCommitments: string[] = [];
    let previousVerb = '';
    for (const clause of splitClauses(sentence.text)) {
      const year = /(20\d\d)年/.exec(clause.text);
      const actual = ACTUAL_MARKERS.exec(clause.text);
      const target = TARGET_MARKERS.exec(clause.text);
      const pastYear = year && ((targetYear !== null && Number(year[1]) < targetYear) || /完成|实现|达到/.test(clause.text));
      if (pastYear && year && !STRONG_TARGET_MARKERS.test(clause.text)) [kind, kindReason] = ['actual', year[0]];
      else if (actual && (!target || actual.index < target.index)) [kind, kindReason] = ['actual', actual[0]];
      else if (target) [kind, kindReason] = ['target', target[0]];

      let consumed = 0;
      const matches = [...clause.text.matchAll(QUANTITY)];
      matches.forEach((match, index) => {
        const groups = match.groups ?? {};
        const at = match.index ?? 0;
        const before = clause.text.slice(0, at);
        const after = clause.text.slice(at + match[0].length);
        // Not a quantity: an ordinal (第3), part of a code (C919), a year or date, 三个代表 and 四个一批.
        if (/第$|[A-Za-z.]$/.test(before)) return;
        if (/^(?:年|月|日|届|号|周年|岁|周岁)/.test(after) && !groups.unit) return;
        if (groups.unit === '个' && /^[月小]/.test(after)) return;
        if (!/^\d/.test(groups.number ?? '') && groups.unit === '个' && (/[“"]$/.test(before) || /^[一二三四五六七八九十“"]/.test(after)))
          return;
        const reading = readQuantity(groups);
        if (!reading) return;

        const nextStart = matches[index + 1]?.index ?? clause.text.length;
        const followingText = clause.text.slice(at + match[0].length, nextStart);
        // 投资10亿元以上项目不低于5个: a size threshold is part of the next quantity's name, not a row of its own.
        if (groups.after === '以上' && index + 1 < matches.length && /^(?:的)?(?:项目|企业)/.test(followingText)) return;
        let name = cleanName(clause.text.slice(consumed, at));
        const following = cleanName(followingText.replace(FOLLOWING_STOP, ''));
        if (name.endsWith('等') && cleanName(followingText)) {
          // 垃圾焚烧发电、柏润高端制袜等99个项目建成投用: the examples before 等 are not the name; what follows is.
          name = cleanName(followingText);
        } else if ((!name || VERB_END.test(name)) && following && !/^[\d]/.test(following)) name = (name || previousVerb) + following;
        const subject = previousSubject || previousName.replace(GROWTH_END, '');
        if (GROWTH_WORDS.test(name) && subject) name = subject + name;
        if (!name) name = previousName || previousSubject;
        const lead = clause.text.slice(consumed, at);
        consumed = at + match[0].length;

        const qualifiers: string[] = [];
        let direction: TargetDirection = 'exactly';
        for (const [pattern, meaning] of BEFORE_QUALIFIERS) {
          const found = pattern.exec(lead);
          if (found) {
            qualifiers.push(found[0]);
            direction = meaning;
            break;
          }
        }
        const more = groups.more ?? groups.more2;
        if (more) {
          qualifiers.push(more);
          direction = 'more_than';
        }
        if (groups.after) {
          qualifiers.push(groups.after);
          direction = AFTER_DIRECTION[groups.after] ?? direction;
        }
        for (const commitment of [...sentenceCommitments, ...[...clause.text.slice(0, at).matchAll(COMMITMENTS)].map((m) => m[0])]) {
          if (!qualifiers.includes(commitment)) qualifiers.push(commitment);
        }

        const growth = GROWTH_END.test(name) && (reading.unit === '%' || reading.unit === '个百分点');
        const { proposal, reason } = proposalOf(name, reading.unit, growth);
        rows.push({
          name,
          value: reading.value,
          unit: reading.unit,
          direction,
          qualifiers,
          growth,
          kind,
          kindReason,
          proposal,
          proposalReason: reason,
          pattern: reading.pattern,
          matched: match[0],
          sentence: sentence.text,
          sentenceOffset: sentence.start,
        });
        if (!growth) previousSubject = name.replace(GROWTH_END, '');
        previousName = name;
      });
      for (const commitment of clause.text.matchAll(COMMITMENTS)) {
        if (!sentenceCommitments.includes(commitment[0])) sentenceCommitments.push(commitment[0]);
      }
      const verb = ACTION_VERB.exec(cleanName(clause.text));
      previousVerb = verb ? verb[0] : '';
    }
  }
  return { rows, normalizedText, reason: rows.length ? null : 'no_quantities' };
}
