import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Switch, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { LEAD_METHODS } from '../../../common/enums';
import { useI18n } from '../i18n';
import { LeadBoard } from '../modules/leads/components/LeadBoard';
import { LeadFormModal, type LeadFormTarget } from '../modules/leads/components/LeadFormModal';
import { LeadSheetsMenu } from '../modules/leads/components/LeadSheetsMenu';
import { useLeadBoardFilters } from '../modules/leads/hooks/use-board-filters';
import { useLeadEvents, useLeads } from '../modules/leads/hooks/use-leads';
import { useAllUnits } from '../modules/units/hooks/use-units';
import { buildUnitTree } from '../modules/units/utils/unit-tree';

/** How many leads the board shows at once (the column heads count everything the filters match). */
const BOARD_SIZE = 300;

/**
 * 招商线索: the pipeline as a board by stage, filtered by unit, method, source trip or fair and overdue clocks (and, from
 * their pages, by enterprise or chain node), the filters in the address; a list on a phone.
 */
export function LeadsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { filters, setFilter } = useLeadBoardFilters();
  const [editing, setEditing] = useState<LeadFormTarget | null>(null);
  const list = useLeads({ ...filters, pageSize: BOARD_SIZE });
  const events = useLeadEvents();
  const first = list.data?.items[0];
  const units = useAllUnits();
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  return (
    <Card
      title={
        <Space>
          {t('nav.leads')}
          {list.data && <Typography.Text type="secondary">{t('lead.count', { count: list.data.total })}</Typography.Text>}
        </Space>
      }
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          <Button icon={<BarChartOutlined />} onClick={() => navigate('/leads/stats')} data-testid="lead-stats">
            {t('leadStats.open')}
          </Button>
          <LeadSheetsMenu filters={filters} />
          {list.data?.abilities?.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ lead: null })} data-testid="lead-add">
              {t('lead.add')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('lead.searchPlaceholder')}
          defaultValue={filters.q}
          onSearch={(v) => setFilter('q', v || undefined)}
          style={{ width: 220 }}
          data-testid="lead-search"
        />
        <TreeSelect
          allowClear
          placeholder={t('lead.allUnits')}
          treeData={unitTree}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ minWidth: 200 }}
          value={filters.unitId}
          onChange={(v) => setFilter('unitId', v ?? undefined)}
          data-testid="lead-filter-unit"
        />
        <Select
          allowClear
          placeholder={t('lead.allMethods')}
          style={{ minWidth: 140 }}
          value={filters.method}
          onChange={(v) => setFilter('method', v ?? undefined)}
          options={LEAD_METHODS.map((m) => ({ value: m, label: t(`leadMethod.${m}`) }))}
          data-testid="lead-filter-method"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('leadLinks.allEvents')}
          style={{ minWidth: 200, maxWidth: '100%' }}
          value={filters.eventId}
          onChange={(v) => setFilter('eventId', v ?? undefined)}
          options={(events.data?.items ?? []).map((e) => ({ value: e.id, label: `${t(`leadEventKind.${e.kind}`)} · ${e.name}` }))}
          data-testid="lead-filter-event"
        />
        {filters.enterpriseId && (
          <Tag closable onClose={() => setFilter('enterpriseId', undefined)} data-testid="lead-filter-enterprise">
            {t('leadLinks.enterpriseFilter', { name: first?.enterprise?.name ?? t('leadLinks.chosenEnterprise') })}
          </Tag>
        )}
        {filters.chainNodeId && (
          <Tag closable onClose={() => setFilter('chainNodeId', undefined)} data-testid="lead-filter-node">
            {t('leadLinks.nodeFilter', { name: first?.chainNode ?? t('leadLinks.chosenNode') })}
          </Tag>
        )}
        <Space size={4}>
          <Switch checked={filters.overdue === true} onChange={(on) => setFilter('overdue', on)} data-testid="lead-filter-overdue" />
          <Typography.Text>{t('lead.onlyOverdue')}</Typography.Text>
        </Space>
      </Space>
      <LeadBoard list={list.data} />
      <LeadFormModal target={editing} onClose={() => setEditing(null)} onSaved={(lead) => navigate(`/leads/${lead.id}`)} />
    </Card>
  );
}
