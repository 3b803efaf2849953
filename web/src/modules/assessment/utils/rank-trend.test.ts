import { describe, expect, it } from 'vitest';
import { type MessageKey, type MessageParams, formatMessage } from '../../../i18n';
import { enUS } from '../../../i18n/en-US';
import { zhCN } from '../../../i18n/zh-CN';
import { rankAxisStep, rankPointText } from './rank-chart';
import { type HistoryMonth, rankTrendSentence } from './rank-trend';

const translator = (catalog: Record<MessageKey, string>) => (key: MessageKey, params?: MessageParams) =>
  formatMessage(catalog[key], params);
const zh = translator(zhCN);
const en = translator(enUS);

const ranked = (month: number, rank: number | null, group: string | null = '街道', score: number | null = 10): HistoryMonth => ({
  month,
  line: { group, score: rank === null ? null : score, rank, groupSize: 15 },
});
const absent = (month: number): HistoryMonth => ({ month, line: null });

describe('a unit’s rank against last month in one sentence', () => {
  const months = [
    ranked(1, 5),
    ranked(2, 3),
    ranked(3, 3),
    ranked(4, 4),
    absent(5),
    ranked(6, 2),
    ranked(7, null),
    ranked(8, 1, '区直部门'),
  ];

  it('says how many places it rose or fell, or that it held', () => {
    expect(rankTrendSentence(months, 2, zh)).toBe('较上月上升2位');
    expect(rankTrendSentence(months, 3, zh)).toBe('与上月持平');
    expect(rankTrendSentence(months, 4, zh)).toBe('较上月下降1位');
    expect(rankTrendSentence(months, 2, en)).toBe('Up 2 on last month');
    expect(rankTrendSentence(months, 3, en)).toBe('Same rank as last month');
    expect(rankTrendSentence(months, 4, en)).toBe('Down 1 on last month');
  });

  it('compares nothing when there is no rank to compare with', () => {
    // The year's first ranking, the month after one not assessed, a month not scored, a month after one not scored.
    expect(rankTrendSentence(months, 1, zh)).toBe('上月无名次，暂无比较');
    expect(rankTrendSentence(months, 6, zh)).toBe('上月无名次，暂无比较');
    expect(rankTrendSentence(months, 5, zh)).toBe('本月未参加考核');
    expect(rankTrendSentence(months, 7, zh)).toBe('本月未能计分，没有名次');
    expect(rankTrendSentence([ranked(7, 2), ranked(8, 1)], 8, zh)).toBe('较上月上升1位');
    expect(rankTrendSentence(months, 8, zh)).toBe('上月无名次，暂无比较');
    // A month without a ranking at all, and a month ranked in another group than the one before.
    expect(rankTrendSentence(months, 9, zh)).toBeNull();
    expect(rankTrendSentence([ranked(7, 2, '街道'), ranked(8, 1, '区直部门')], 8, zh)).toBe('上月在“街道”组排名，不作比较');
    expect(rankTrendSentence([ranked(7, 2, '街道'), ranked(8, 1, '区直部门')], 8, en)).toBe('Ranked in “街道” last month: not compared');
  });

  it('compares January with December of the year before', () => {
    expect(rankTrendSentence(months, 1, zh, ranked(12, 7))).toBe('较上月上升2位');
    expect(rankTrendSentence(months, 1, en, ranked(12, 3))).toBe('Down 2 on last month');
    expect(rankTrendSentence(months, 1, zh, absent(12))).toBe('上月无名次，暂无比较');
    expect(rankTrendSentence(months, 1, zh, ranked(12, 2, '区直部门'))).toBe('上月在“区直部门”组排名，不作比较');
    // December of the year before is not February's month before.
    expect(rankTrendSentence([ranked(2, 3)], 2, zh, ranked(12, 1))).toBe('上月无名次，暂无比较');
  });

  it('words a month’s point in the chart’s tooltip: rank of the group’s size and the score', () => {
    expect(rankPointText(ranked(3, 3, '街道', 12.5), zh)).toBe('3月：第3名（街道共15个单位），得分12.50');
    expect(rankPointText(ranked(3, 3, null, 12.5), en)).toBe('M3: rank 3 of 15 (all units), score 12.50');
    expect(rankPointText(absent(5), zh)).toBe('5月：未参加考核');
    expect(rankPointText(ranked(7, null), en)).toBe('M7: could not be scored');
  });
});

describe('the rank axis', () => {
  it('divides 1 to the largest group evenly into at most five steps, so the last tick is the last rank', () => {
    // 1 to 15 in steps of 7 (1, 8, 15); 1 to 11 in five steps of 2; a prime span in one step; five or fewer units each rank.
    expect([15, 11, 21, 8, 14, 5, 3, 1].map(rankAxisStep)).toEqual([7, 2, 4, 7, 13, 1, 1, 1]);
  });
});
