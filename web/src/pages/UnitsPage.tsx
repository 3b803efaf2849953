import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { UNIT_KINDS, type UnitKind } from '../lib/enums';
import { FIRST_PAGE, type Paging } from '../lib/list';
import { useShowError } from '../lib/use-show-error';
import { UnitFormModal, type UnitFormTarget } from '../modules/units/components/UnitFormModal';
import { UnitTable } from '../modules/units/components/UnitTable';
import { UnitTreePanel } from '../modules/units/components/UnitTreePanel';
import { useAllUnits, useDeleteUnit, useUnitList } from '../modules/units/hooks/use-units';

/** 单位管理: the unit tree beside a searchable table of units, with create, edit and delete where allowed. */
export function UnitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [parentId, setParentId] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [target, setTarget] = useState<UnitFormTarget | null>(null);

  const all = useAllUnits();
  const list = useUnitList({ ...paging, q, kind, parentId });
  const remove = useDeleteUnit();
  const canCreate = list.data?.abilities?.create === true;

  const resetPage = () => setPaging((p) => ({ ...p, page: 1 }));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={7} xl={6}>
        <UnitTreePanel
          units={all.data}
          loading={all.isPending}
          selectedId={parentId}
          onSelect={(id) => {
            setParentId(id);
            resetPage();
          }}
        />
      </Col>
      <Col xs={24} lg={17} xl={18}>
        <Card
          title={t('nav.units')}
          extra={
            canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setTarget({ mode: 'create', parentId, regionCode: all.data?.find((u) => u.id === parentId)?.regionCode })}
                data-testid="unit-create"
              >
                {t('action.create')}
              </Button>
            )
          }
        >
          <Flex gap={8} wrap style={{ marginBottom: 16 }}>
            <Input.Search
              allowClear
              placeholder={t('unit.searchPlaceholder')}
              onSearch={(value) => {
                setQ(value.trim() || undefined);
                resetPage();
              }}
              style={{ maxWidth: 280 }}
              data-testid="unit-search"
            />
            <Select
              allowClear
              placeholder={t('unit.kind')}
              value={kind}
              onChange={(value?: UnitKind) => {
                setKind(value);
                resetPage();
              }}
              options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
              style={{ width: 160 }}
              data-testid="unit-kind-filter"
            />
          </Flex>
          <UnitTable
            page={list.data}
            loading={list.isFetching}
            sort={paging.sort}
            onPagingChange={setPaging}
            onEdit={(unit) => setTarget({ mode: 'edit', unit })}
            onDelete={(unit) =>
              remove.mutate(unit.id, { onSuccess: () => message.success(t('common.deleted')), onError: (error) => showError(error) })
            }
          />
        </Card>
      </Col>
      <UnitFormModal target={target} units={all.data ?? []} onClose={() => setTarget(null)} />
    </Row>
  );
}
