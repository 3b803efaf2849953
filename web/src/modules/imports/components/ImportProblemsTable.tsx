import { Input, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../i18n';
import type { ImportProblem } from '../api/imports-api';

/** Every problem of a file: row, column and reason, filterable by a column name or words of the reason. */
export function ImportProblemsTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    if (!words) return problems;
    return problems.filter((p) => `${p.columnLabel ?? ''} ${p.column ?? ''} ${p.message}`.toLowerCase().includes(words));
  }, [filter, problems]);
  const columnNames = [...new Set(problems.flatMap((p) => (p.columnLabel ? [p.columnLabel] : [])))];

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('import.problem.filter')}
        onChange={(event) => setFilter(event.target.value)}
        style={{ maxWidth: 320, marginBottom: 8 }}
        data-testid="import-problem-filter"
      />
      <Table<ImportProblem & { key: number }>
        size="small"
        data-testid="import-problems"
        dataSource={shown.map((p, i) => ({ ...p, key: i }))}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('import.problem.row'), dataIndex: 'row', width: 72, sorter: (a, b) => a.row - b.row },
          { title: t('import.problem.column'), dataIndex: 'column', width: 72, render: (value: string | null) => value ?? '—' },
          {
            title: t('import.problem.columnLabel'),
            dataIndex: 'columnLabel',
            width: 200,
            filters: columnNames.map((name) => ({ text: name, value: name })),
            onFilter: (value, record) => record.columnLabel === value,
            render: (value: string | null) => value ?? '—',
          },
          { title: t('import.problem.message'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}
