import { Alert } from 'antd';
import { useI18n } from '../../../i18n';

/** A refused formula's message at its line and column, with the line quoted and a caret under the column. */
export function FormulaProblem({ formula, problem }: { formula: string; problem: { message: string; line: number; column: number } }) {
  const { t } = useI18n();
  const line = formula.split('\n')[problem.line - 1] ?? '';
  return (
    <Alert
      type="error"
      showIcon
      data-testid="formula-problem"
      message={t('assessment.problemAt', { line: problem.line, column: problem.column, message: problem.message })}
      description={
        <pre style={{ margin: 0, fontSize: 13, overflowX: 'auto' }} data-testid="formula-problem-line">
          {line}
          {'\n'}
          {`${' '.repeat(Math.max(0, problem.column - 1))}^`}
        </pre>
      }
    />
  );
}
