import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import type { Matter, MatterList } from '../api/matters-api';
import { MatterStatusTag } from './MatterStatusTag';

/** A page of matters: title, source, lead unit, deadline and state; a row opens the matter's page. */
export function MattersTable({
  list,
  loading,
  onPage,
  showProject = true,
}: {
  list: MatterList | undefined;
  loading: boolean;
  onPage: (page: number) => void;
  showProject?: boolean;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const columns: ColumnsType<Matter> = [
    {
      // The state sits under the title, so a phone's first column says what and where it stands.
      title: t('matter.title'),
      dataIndex: 'title',
      width: 240,
      render: (_, m) => (
        <div>
          <div>{m.title}</div>
          <MatterStatusTag status={m.status} daysOverdue={m.daysOverdue} />
        </div>
      ),
    },
    { title: t('matter.source'), dataIndex: 'source', render: (v: Matter['source']) => t(`matterSource.${v}`) },
    ...(showProject
      ? [{ title: t('matter.project'), dataIndex: 'projectName', ellipsis: true, render: (v: string | null) => v ?? '—' }]
      : []),
    { title: t('matter.leadUnit'), dataIndex: 'leadUnitName', ellipsis: true },
    { title: t('matter.deadline'), dataIndex: 'deadline', render: (v: string) => formatDate(v) },
    {
      title: t('matter.escalation'),
      dataIndex: 'escalationLevel',
      render: (v: Matter['escalationLevel']) => (v === 'none' ? '—' : t(`matterEscalation.${v}`)),
    },
  ];
  return (
    <Table<Matter>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={list?.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      onRow={(m) => ({ onClick: () => navigate(`/matters/${m.id}`), style: { cursor: 'pointer' }, 'data-testid': 'matter-row' })}
      locale={{ emptyText: t('matter.empty') }}
      pagination={{
        current: list?.page,
        pageSize: list?.pageSize,
        total: list?.total,
        onChange: onPage,
        hideOnSinglePage: true,
        showSizeChanger: false,
      }}
    />
  );
}
