import { Alert, Collapse, Empty, Flex, Pagination, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useAddressSearch } from '../../../lib/use-address-search';
import { describeError } from '../../../lib/use-show-error';
import { useMissing } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';
import { UnitMissingReports } from './UnitMissingReports';

/** How many units one page of the unit list shows (a province's list holds thousands). */
const UNITS_PER_PAGE = 30;

/**
 * 未报送: the responsible units with how many reports each still owes, most first (one grouped count on the server);
 * opening a unit loads its projects a page at a time. The open unit and its page live in the address (`unit`, `page`).
 */
export function MissingByUnit({ periodId }: { periodId: string }) {
  const { t } = useI18n();
  const missing = useMissing(periodId);
  const [search, setSearch] = useAddressSearch();
  const openUnit = search.get('unit') ?? undefined;
  const unitPage = Math.max(1, Number(search.get('page')) || 1);
  const [unitsPage, setUnitsPage] = useState<number | null>(null);
  if (missing.isPending) return <Skeleton active />;
  if (missing.isError) return <Alert type="error" title={describeError(missing.error, t)} />;
  const data = missing.data;
  // The list opens on the page of the unit the address names.
  const openIndex = openUnit ? data.units.findIndex((unit) => unit.unitId === openUnit) : -1;
  const shownPage = unitsPage ?? (openIndex >= 0 ? Math.floor(openIndex / UNITS_PER_PAGE) + 1 : 1);
  const shown = data.units.slice((shownPage - 1) * UNITS_PER_PAGE, shownPage * UNITS_PER_PAGE);
  const open = (unitId: string | undefined, page = 1) =>
    setSearch(unitId ? { unit: unitId, ...(page > 1 ? { page: String(page) } : {}) } : {}, { replace: true });

  return (
    <Flex vertical gap={12} data-testid="missing">
      <Alert
        type={data.total === 0 ? 'success' : data.overdue ? 'error' : 'warning'}
        showIcon
        title={
          <span data-testid="missing-summary">
            {t('missing.summary', { period: periodLabel(t, data.period), deadline: data.deadline, total: data.total })}
            {data.total > 0 && ` · ${t('missing.units', { units: data.units.length })}`}
            {data.total > 0 && ` · ${data.overdue ? t('missing.overdue') : t('missing.beforeDeadline')}`}
          </span>
        }
      />
      {data.units.length === 0 ? (
        <Empty description={t('missing.none')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('missing.hint')}</Typography.Text>
          <Collapse
            accordion
            activeKey={openUnit}
            onChange={(keys) => open([keys].flat()[0])}
            destroyOnHidden
            items={shown.map((unit) => ({
              key: unit.unitId,
              label: (
                <span style={{ whiteSpace: 'normal' }} data-testid="missing-unit" data-unit={unit.unitName} data-count={unit.count}>
                  {unit.unitName}
                </span>
              ),
              extra: (
                <Tag color={data.overdue ? 'error' : 'warning'} style={{ marginInlineEnd: 0 }} data-testid="missing-unit-count">
                  {t('missing.count', { count: unit.count })}
                </Tag>
              ),
              children: (
                <UnitMissingReports
                  periodId={periodId}
                  unitId={unit.unitId}
                  page={unit.unitId === openUnit ? unitPage : 1}
                  onPage={(page) => open(unit.unitId, page)}
                />
              ),
            }))}
          />
          <Pagination
            align="end"
            size="small"
            hideOnSinglePage
            showSizeChanger={false}
            current={shownPage}
            pageSize={UNITS_PER_PAGE}
            total={data.units.length}
            onChange={setUnitsPage}
          />
        </>
      )}
    </Flex>
  );
}
