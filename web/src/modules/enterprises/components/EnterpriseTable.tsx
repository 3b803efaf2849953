import { Card, Flex, List, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import { DEFAULT_PAGE_SIZE, type Paging } from '../../../lib/list';
import { PagedTable } from '../../../ui/PagedTable';
import type { Enterprise, EnterpriseList } from '../api/enterprises-api';
import { EnterpriseTags } from './EnterpriseTags';

type EnterpriseTableProps = {
  page: EnterpriseList | undefined;
  loading: boolean;
  sort?: string;
  onPagingChange: (paging: Paging) => void;
  /** A phone: a card per enterprise instead of the table. */
  phone: boolean;
};

/** The register's page of enterprises: name (opening its page), USCC, kind and tags, industry, headquarters. */
export function EnterpriseTable({ page, loading, sort, onPagingChange, phone }: EnterpriseTableProps) {
  const { t } = useI18n();
  if (phone) {
    return (
      <List<Enterprise>
        loading={loading}
        dataSource={page?.items}
        rowKey="id"
        split={false}
        data-testid="enterprise-cards"
        pagination={
          page && page.total > page.pageSize
            ? {
                current: page.page,
                pageSize: page.pageSize,
                total: page.total,
                size: 'small',
                align: 'center',
                showSizeChanger: false,
                onChange: (next, pageSize) => onPagingChange({ page: next, pageSize: pageSize ?? DEFAULT_PAGE_SIZE, sort }),
              }
            : false
        }
        renderItem={(e) => (
          <List.Item style={{ padding: '0 0 8px' }}>
            <Card size="small" style={{ width: '100%' }} data-testid="enterprise-card">
              <Flex vertical gap={6}>
                <Link to={`/enterprises/${e.id}`} style={{ fontWeight: 500, fontSize: 15 }}>
                  {e.name}
                </Link>
                <EnterpriseTags enterprise={e} />
                <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                  {e.uscc ?? t('enterprise.noUscc')}
                </Typography.Text>
                <span>
                  <Typography.Text type="secondary">{t('enterprise.industry')} </Typography.Text>
                  {e.industryName ?? '—'}
                </span>
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    );
  }
  const columns: ColumnsType<Enterprise> = [
    {
      title: t('enterprise.name'),
      dataIndex: 'name',
      sorter: true,
      width: 300,
      render: (name: string, e) => (
        <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('enterprise.uscc'),
      dataIndex: 'uscc',
      sorter: true,
      render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span>,
    },
    { title: t('enterprise.tags'), dataIndex: 'tags', width: 280, render: (_, e) => <EnterpriseTags enterprise={e} /> },
    { title: t('enterprise.industry'), dataIndex: 'industryName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('enterprise.hq'),
      dataIndex: 'hqRegionName',
      render: (v: string | null, e) => (e.abroad ? t('enterprise.abroad') : (v ?? '—')),
    },
  ];
  return (
    <PagedTable<Enterprise>
      columns={columns}
      page={page}
      sort={sort}
      loading={loading}
      onPagingChange={onPagingChange}
      onRow={() => ({ 'data-testid': 'enterprise-row' }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
