import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { fieldPathOf, fillBodyOf } from './report-form';

describe('the report form', () => {
  it('sends the amount typed in 万元 as whole 元, empty fields as cleared', () => {
    const body = fillBodyOf(
      {
        investmentYuan: '1234.5678',
        progressText: '  ',
        progressPercent: 40,
        milestones: [{ milestoneId: 'm1', reachedOn: dayjs('2026-11-20') }],
      },
      3,
    );
    expect(body).toEqual({
      version: 3,
      investmentYuan: 12_345_678,
      progressText: null,
      progressPercent: 40,
      milestones: [{ milestoneId: 'm1', reachedOn: '2026-11-20' }],
      problems: null,
    });
  });

  it('puts a server error under the field it names, down to one milestone', () => {
    const values = { milestones: [{ milestoneId: 'm1' }, { milestoneId: 'm2' }] };
    expect(fieldPathOf('investmentYuan', values)).toEqual(['investmentYuan']);
    expect(fieldPathOf('milestones.1.reachedOn', values)).toEqual(['milestones', 1, 'reachedOn']);
    expect(fieldPathOf('milestones.5.reachedOn', values)).toEqual(['milestones']);
    expect(fieldPathOf('milestones', values)).toEqual(['milestones']);
    expect(fieldPathOf('version', values)).toBeNull();
  });
});
