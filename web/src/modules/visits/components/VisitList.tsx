import { Card, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n';
import type { VisitList as VisitPage } from '../api/visits-api';
import { VisitDemands } from './VisitDemands';

/**
 * Visits as cards, latest first: day, enterprise (opening its page), visiting unit and visitors, purpose, notes and
 * the demands raised — one layout for the desk and the phone (the text wraps; nothing scrolls sideways).
 */
export function VisitList({
  page,
  loading,
  onPage,
  showEnterprise = true,
}: {
  page: VisitPage | undefined;
  loading: boolean;
  onPage: (page: number) => void;
  showEnterprise?: boolean;
}) {
  const { t } = useI18n();
  return (
    <List
      loading={loading}
      dataSource={page?.items}
      rowKey="id"
      split={false}
      locale={{ emptyText: t('visit.empty') }}
      data-testid="visit-list"
      pagination={
        page && page.total > page.pageSize
          ? { current: page.page, pageSize: page.pageSize, total: page.total, size: 'small', align: 'center', onChange: onPage }
          : false
      }
      renderItem={(v) => (
        <List.Item style={{ padding: '0 0 8px' }}>
          <Card size="small" style={{ width: '100%' }} data-testid="visit-card">
            <Flex vertical gap={6}>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>{v.visitDate}</Typography.Text>
                {showEnterprise && (
                  <Link to={`/enterprises/${v.enterpriseId}`} style={{ fontWeight: 500 }}>
                    {v.enterpriseName}
                  </Link>
                )}
                <Typography.Text type="secondary">
                  {v.unitName} · {v.visitors.map((p) => p.name).join('、')}
                </Typography.Text>
              </Flex>
              <span>
                <Typography.Text type="secondary">{t('visit.purpose')}：</Typography.Text>
                {v.purpose}
              </span>
              {v.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.notes}</Typography.Paragraph>}
              <VisitDemands demands={v.demands} />
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
