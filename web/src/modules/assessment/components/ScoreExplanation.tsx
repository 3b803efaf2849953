import { Typography } from 'antd';
import { useI18n } from '../../../i18n';
import type { ScoreTerm } from '../api/assessment-api';
import { formatPoints, formatScore, inputLabel, inputValue } from '../utils/format';

/** Keys for the terms: a term's text, numbered when the same text comes again (a formula may repeat a term). */
function keyed(terms: ScoreTerm[]) {
  const seen = new Map<string, number>();
  return terms.map((term) => {
    const n = (seen.get(term.text) ?? 0) + 1;
    seen.set(term.text, n);
    return { key: `${term.sign}${term.text}#${n}`, term };
  });
}

/**
 * A score explained term by term: each term of the formula as written, its inputs with their values, and the signed
 * points it gave; the points add up to the score. Stacked lines, so it reads on a phone as on a desk.
 */
export function ScoreExplanation({ terms, score, error }: { terms: ScoreTerm[]; score: number | null; error?: string | null }) {
  const { t, locale } = useI18n();
  if (error) return <Typography.Text type="danger">{error}</Typography.Text>;
  const yesNo: [string, string] = [t('assessment.yes'), t('assessment.no')];
  return (
    <div data-testid="score-explanation" style={{ display: 'grid', gap: 6 }}>
      {keyed(terms).map(({ key, term }) => (
        <div
          key={key}
          data-testid="score-term"
          style={{ display: 'flex', gap: 12, justifyContent: 'space-between', borderBottom: '1px dashed #e5e7eb', paddingBottom: 4 }}
        >
          <div style={{ minWidth: 0 }}>
            <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {term.text}
            </Typography.Text>
            {term.inputs.length > 0 && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {term.inputs.map((input) => `${inputLabel(input, locale)} = ${inputValue(input, yesNo)}`).join('；')}
                </Typography.Text>
              </div>
            )}
          </div>
          <Typography.Text strong style={{ whiteSpace: 'nowrap', color: term.value < 0 ? '#b91c1c' : undefined }}>
            {formatPoints(term.value, term.sign)}
          </Typography.Text>
        </div>
      ))}
      <div style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Typography.Text strong>{t('assessment.total')}</Typography.Text>
        <Typography.Text strong data-testid="score-total">
          {formatScore(score)}
        </Typography.Text>
      </div>
    </div>
  );
}
