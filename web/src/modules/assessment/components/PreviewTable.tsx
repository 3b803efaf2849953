import { Alert, Space, Table } from 'antd';
import { useI18n } from '../../../i18n';
import type { FormulaPreview } from '../api/assessment-api';
import { formatScore } from '../utils/format';
import { ScoreExplanation } from './ScoreExplanation';

type PreviewItem = FormulaPreview['items'][number];

/** The preview of a formula on a month's data: each unit's value (highest first), opening to its terms; nothing saved. */
export function PreviewTable({ preview }: { preview: FormulaPreview }) {
  const { t } = useI18n();
  const items = [...preview.items].sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY));
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="formula-preview">
      {preview.notes.map((note) => (
        <Alert key={note} type="info" showIcon message={note} />
      ))}
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
          { title: t('assessment.unit'), dataIndex: 'unitName' },
          {
            title: t('assessment.previewScore', { month: preview.month }),
            dataIndex: 'value',
            width: 110,
            align: 'right',
            render: (value: number | null) => formatScore(value),
          },
        ]}
      />
    </Space>
  );
}
