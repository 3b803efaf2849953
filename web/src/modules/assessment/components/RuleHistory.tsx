import { List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';
import type { ScoringRule } from '../api/assessment-api';

/** The year's versions of the rule, newest (current) first, each with its author, date, note and formula. */
export function RuleHistory({ versions }: { versions: ScoringRule[] }) {
  const { t } = useI18n();
  return (
    <List
      size="small"
      data-testid="rule-history"
      dataSource={versions}
      locale={{ emptyText: t('assessment.noRule') }}
      renderItem={(rule, i) => (
        <List.Item data-testid="rule-version">
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{t('assessment.version', { version: rule.version })}</Typography.Text>{' '}
            {i === 0 && <Tag color="blue">{t('assessment.current')}</Tag>}
            <Typography.Text type="secondary">
              {[rule.authorName, dayjs(rule.createdAt).format('YYYY-MM-DD HH:mm')].filter(Boolean).join(' · ')}
            </Typography.Text>
            {rule.note && <div>{rule.note}</div>}
            <Typography.Paragraph
              code
              style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 12 }}
              ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.showAll') }}
            >
              {rule.formula}
            </Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}
