import { Alert, Space, Table, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { type FormulaPreview, type RankingSubject, SUBJECT_COLUMN } from '../api/assessment-api';
import { formatScore } from '../utils/format';
import { ScoreExplanation } from './ScoreExplanation';

type PreviewItem = FormulaPreview['items'][number];

/**
 * The preview of a formula on a month's data: each unit's value in ranking order (by group when the rule has groups,
 * under each group's name, rank within it), opening to its terms; nothing saved.
 */
export function PreviewTable({ preview, subject = 'unit' }: { preview: FormulaPreview; subject?: RankingSubject }) {
  const { t } = useI18n();
  const groups = [...new Set(preview.items.map((item) => item.group))];
  const table = (items: PreviewItem[]) => (
    <Table<PreviewItem>
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={items}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (item) => <ScoreExplanation terms={item.terms} score={item.value} error={item.error} />,
      }}
      columns={[
        { title: t('assessment.rank'), dataIndex: 'rank', width: 64, render: (rank: number | null) => rank ?? '—' },
        { title: t(SUBJECT_COLUMN[subject]), dataIndex: 'unitName' },
        {
          title: t('assessment.previewScore', { month: preview.month }),
          dataIndex: 'value',
          width: 110,
          align: 'right',
          render: (value: number | null) => formatScore(value),
        },
      ]}
    />
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="formula-preview">
      {preview.notes.map((note) => (
        <Alert key={note} type="info" showIcon message={note} />
      ))}
      {groups.map((group) => {
        const items = preview.items.filter((item) => item.group === group);
        return (
          <section key={group ?? ''} data-testid="preview-group">
            {group !== null && (
              <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="preview-group-title">
                {t('assessment.groupRanking', { group, count: items.length })}
              </Typography.Title>
            )}
            {table(items)}
          </section>
        );
      })}
    </Space>
  );
}
