import { describe, expect, it } from 'vitest';
import { safeCellText } from './safe-text';

describe('safeCellText', () => {
  it('guards text that a spreadsheet would read as a formula', () => {
    for (const text of ['=1+1', '+86 531', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(safeCellText(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone, including a formula sign later in the text', () => {
    for (const text of ['天桥广场', 'a=b', '2019-370105-47-03-983241', '', ' =x']) expect(safeCellText(text)).toBe(text);
  });
});
