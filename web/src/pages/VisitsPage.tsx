import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { VisitFormModal, type VisitFormTarget } from '../modules/visits/components/VisitFormModal';
import { VisitList } from '../modules/visits/components/VisitList';
import { VisitSheetsMenu } from '../modules/visits/components/VisitSheetsMenu';
import { VisitStatsTable } from '../modules/visits/components/VisitStatsTable';
import { useVisits } from '../modules/visits/hooks/use-visits';

/** 走访服务: the visits the user sees (a unit its own; the register keepers the district's), recording one, statistics. */
export function VisitsPage() {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [target, setTarget] = useState<VisitFormTarget | null>(null);
  const list = useVisits({ q, page, pageSize: 20 });
  return (
    <Card
      title={t('nav.visits')}
      styles={{ body: { padding: phone ? 12 : undefined } }}
      extra={
        <Space>
          <VisitSheetsMenu filters={{ q }} iconOnly={phone} />
          {list.data?.abilities?.create && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ enterprise: null })}
              aria-label={t('visit.record')}
              data-testid="visit-record"
            >
              {phone ? null : t('visit.record')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'list',
            label: t('visit.listTab'),
            children: (
              <>
                <Input.Search
                  allowClear
                  placeholder={t('visit.searchPlaceholder')}
                  onSearch={(value) => {
                    setQ(value.trim() || undefined);
                    setPage(1);
                  }}
                  style={{ maxWidth: 320, marginBottom: 12 }}
                  data-testid="visit-search"
                />
                <VisitList page={list.data} loading={list.isFetching} onPage={setPage} />
              </>
            ),
          },
          { key: 'stats', label: t('visit.statsTab'), children: <VisitStatsTable /> },
        ]}
      />
      <VisitFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
