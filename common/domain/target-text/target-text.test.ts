import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  extractTargets,
  MAX_TARGET_TEXT_LENGTH,
  normalizeText,
  parseChineseNumeral,
  TargetTextError,
  targetTextErrorMessage,
  toSimplified,
} from '.';

const first = (text: string) => {
  const row = extractTargets(text).rows[0];
  if (!row) throw new Error(`no row in ${text}`);
  return row;
};

describe('Chinese numerals', () => {
  it('reads the forms reports use', () => {
    expect(parseChineseNumeral('一百三十三')).toBe(133);
    expect(parseChineseNumeral('两千')).toBe(2000);
    expect(parseChineseNumeral('十二')).toBe(12);
    expect(parseChineseNumeral('十')).toBe(10);
    expect(parseChineseNumeral('一百零五')).toBe(105);
    expect(parseChineseNumeral('一万二千')).toBe(12_000);
    expect(parseChineseNumeral('三千五百万')).toBe(35_000_000);
    expect(parseChineseNumeral('一亿二千万')).toBe(120_000_000);
    expect(parseChineseNumeral('〇')).toBe(0);
  });

  it('refuses what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('二三')).toBeNull();
    expect(parseChineseNumeral('百')).toBeNull();
    expect(parseChineseNumeral('万')).toBeNull();
    expect(parseChineseNumeral('一般')).toBeNull();
  });

  it('reads quantities in numerals, mixed forms, 成 and 百分之', () => {
    expect(first('今年实施重点项目一百三十三个')).toMatchObject({
      name: '实施重点项目',
      value: 133,
      unit: '个',
      pattern: 'chinese_numeral',
    });
    expect(first('今年完成投资1.2万亿元')).toMatchObject({ value: 1.2, unit: '万亿元', pattern: 'arabic' });
    expect(first('今年改造棚户区十二万平方米')).toMatchObject({ value: 12, unit: '万平方米' });
    expect(first('今年安置两千户')).toMatchObject({ value: 2000, unit: '户' });
    expect(first('力争城镇化率达到七成')).toMatchObject({ name: '城镇化率', value: 70, unit: '%', pattern: 'cheng' });
    expect(first('今年研发投入增长百分之五')).toMatchObject({
      name: '研发投入增长',
      value: 5,
      unit: '%',
      pattern: 'percent_words',
      growth: true,
    });
    expect(first('今年新增就业3000余万元')).toMatchObject({ value: 3000, unit: '万元', direction: 'more_than', qualifiers: ['余'] });
  });
});

describe('normalisation of pasted text', () => {
  it('strips markup, scripts and entities', () => {
    expect(normalizeText('<p>地区生产总值&nbsp;增长<b>5.5%</b>左右</p><script>alert(1)</script>&lt;注&gt;&#20108;&#x4e09;')).toBe(
      '地区生产总值增长5.5%左右\n<注>二三',
    );
  });

  it('keeps a lone < and text after unclosed markup', () => {
    expect(normalizeText('增长<5%，<script>x</SCRIPT>项目<!-- 注 -->50个<br>完成<div')).toBe('增长<5%，项目50个\n完成<div');
    expect(normalizeText('<style>p{}</style>增长5%<!-- 没有结尾')).toBe('增长5%<!-- 没有结尾');
  });

  it('removes annotation markers and pinyin, makes full-width forms half-width, drops thousands separators', () => {
    expect(normalizeText('总投资1,200亿元[1]，增长５．５％①〔2〕，１２３')).toBe('总投资1200亿元，增长5.5%，123');
    expect(normalizeText('现(xiàn)场（一）ＧＤＰ')).toBe('现场(一)GDP');
    expect(normalizeText('新开工  项目 50 个')).toBe('新开工项目50个');
  });

  it('simplifies the traditional characters of reports', () => {
    expect(toSimplified('億萬項開產業區長實現總資額標達設計劃')).toBe('亿万项开产业区长实现总资额标达设计划');
    expect(first('今年實施重點項目133個、總投資1200億元').name).toBe('实施重点项目');
  });
});

describe('targets from text: qualifiers, compounds and kinds', () => {
  it('reads the examples of the issue', () => {
    expect(first('地区生产总值增长5.5%左右')).toMatchObject({
      name: '地区生产总值增长',
      value: 5.5,
      unit: '%',
      direction: 'about',
      growth: true,
      proposal: 'indicator',
    });
    expect(extractTargets('实施重点项目133个、总投资1200亿元').rows.map((r) => [r.name, r.value, r.unit])).toEqual([
      ['实施重点项目', 133, '个'],
      ['总投资', 1200, '亿元'],
    ]);
    expect(first('新开工项目50个以上')).toMatchObject({
      name: '新开工项目',
      value: 50,
      direction: 'at_least',
      qualifiers: ['以上'],
      proposal: 'indicator',
    });
    expect(first('完成老旧小区改造12万平方米')).toMatchObject({
      name: '完成老旧小区改造',
      value: 12,
      unit: '万平方米',
      proposal: 'pledge',
    });
  });

  it('keeps each qualifier and its direction', () => {
    expect(first('城镇调查失业率控制在5.5%以内')).toMatchObject({ direction: 'at_most', qualifiers: ['控制在', '以内'] });
    expect(first('PM2.5浓度40微克以下，优良天数300天以下，能耗下降3%以下')).toMatchObject({ name: '能耗下降', direction: 'at_most' });
    expect(first('新引进项目100余个')).toMatchObject({ value: 100, direction: 'more_than', qualifiers: ['余'] });
    expect(first('一般公共预算收入突破60亿元')).toMatchObject({ name: '一般公共预算收入', direction: 'more_than', qualifiers: ['突破'] });
    expect(first('确保新开工项目不少于30个')).toMatchObject({
      direction: 'at_least',
      qualifiers: ['不少于', '确保'],
      kind: 'target',
      kindReason: '确保',
    });
    expect(first('力争固定资产投资增长8%，确保6%')).toMatchObject({ qualifiers: ['力争'] });
  });

  it('tells last year’s actuals from this year’s targets', () => {
    const rows = extractTargets(
      '过去一年，全区地区生产总值增长6.1%，比上年增长0.5个百分点。今年主要预期目标：地区生产总值增长6%左右。2023年完成固定资产投资200亿元；2024年计划完成固定资产投资220亿元。去年新开工项目45个，今年将新开工项目50个以上。',
    ).rows;
    expect(rows.map((r) => [r.name, r.value, r.kind, r.kindReason])).toEqual([
      ['地区生产总值增长', 6.1, 'actual', '过去一年'],
      ['地区生产总值增长', 0.5, 'actual', '过去一年'],
      ['地区生产总值增长', 6, 'target', '今年'],
      ['固定资产投资', 200, 'actual', '2023年'],
      ['固定资产投资', 220, 'target', '计划'],
      ['新开工项目', 45, 'actual', '去年'],
      ['新开工项目', 50, 'target', '今年'],
    ]);
  });

  it('skips years, dates, ordinals and codes', () => {
    expect(extractTargets('2024年3月5日，十四届全国人大二次会议开幕，第3项议程，C919投入运营，“三个代表”，“四个一批”。').rows).toEqual([]);
  });

  it('says why there are no rows', () => {
    expect(extractTargets('国际收支保持基本平衡，生态环境质量持续改善。')).toMatchObject({ rows: [], reason: 'no_numbers' });
    expect(extractTargets('2024年是关键之年。')).toMatchObject({ rows: [], reason: 'no_quantities' });
    expect(extractTargets('')).toMatchObject({ rows: [], reason: 'no_numbers' });
  });

  it('refuses text over a million characters, with a message in both languages', () => {
    expect(() => extractTargets(`${'增长5%。'.repeat(MAX_TARGET_TEXT_LENGTH / 5)}1`)).toThrow(TargetTextError);
    try {
      extractTargets('x'.repeat(MAX_TARGET_TEXT_LENGTH + 1));
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'too_long', params: { max: MAX_TARGET_TEXT_LENGTH } });
      expect(targetTextErrorMessage(error as TargetTextError, 'zh-CN')).toBe('文本过长：最多 1000000 个字符');
      expect(targetTextErrorMessage(error as TargetTextError, 'en-US')).toBe('The text is too long: at most 1000000 characters');
    }
    expect(extractTargets('增长5%，'.repeat(20_000)).rows).toHaveLength(20_000);
  });

  it('keeps the sentence each row came from and where it starts', () => {
    const text = '今年目标如下。新开工项目50个以上。';
    const row = first(text);
    expect(row.sentence).toBe('新开工项目50个以上。');
    expect(extractTargets(text).normalizedText.slice(row.sentenceOffset)).toBe('新开工项目50个以上。');
    expect(row.matched).toBe('50个以上');
  });
});

describe('targets from text on any input', () => {
  const pieces = [
    '今年',
    '去年',
    '力争',
    '增长',
    '5.5%',
    '左右',
    '以上',
    '一百三十三',
    '个',
    '亿元',
    '万',
    '七成',
    '百分之',
    '，',
    '、',
    '。',
    '\n',
    '<p>',
    '&nbsp;',
    '[1]',
    '億',
    '２',
    '第',
    '2024年',
    '项目',
  ];
  const texts = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join('')),
  );

  it('never throws on text within the limit, gives finite values, and gives the same rows twice', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const result = extractTargets(text);
        expect(extractTargets(text)).toEqual(result);
        for (const row of result.rows) {
          expect(Number.isFinite(row.value)).toBe(true);
          expect(result.normalizedText.slice(row.sentenceOffset)).toContain(row.sentence);
        }
        expect(result.reason === null).toBe(result.rows.length > 0);
      }),
      { numRuns: 1000 },
    );
  });
});
