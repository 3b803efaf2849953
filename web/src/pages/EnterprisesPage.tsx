import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Grid, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';
import { FIRST_PAGE, type Paging } from '../lib/list';
import type { EnterpriseCreated, EnterpriseFilters as Filters } from '../modules/enterprises/api/enterprises-api';
import { EnterpriseFilters } from '../modules/enterprises/components/EnterpriseFilters';
import { EnterpriseFormModal, type EnterpriseFormTarget } from '../modules/enterprises/components/EnterpriseFormModal';
import { EnterpriseSheetsMenu } from '../modules/enterprises/components/EnterpriseSheetsMenu';
import { EnterpriseTable } from '../modules/enterprises/components/EnterpriseTable';
import { useEnterpriseList } from '../modules/enterprises/hooks/use-enterprises';

/** 企业库: the district's enterprises, searched and filtered; adding one warns of names close to ones already there. */
export function EnterprisesPage() {
  const { t } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [target, setTarget] = useState<EnterpriseFormTarget | null>(null);
  const [created, setCreated] = useState<EnterpriseCreated | null>(null);
  const list = useEnterpriseList({ ...paging, ...filters });

  return (
    <Card
      title={t('nav.enterprises')}
      styles={{ body: { padding: phone ? 12 : undefined } }}
      extra={
        <Space>
          <EnterpriseSheetsMenu filters={filters} iconOnly={phone} />
          {list.data?.abilities?.create && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'create' })}
              aria-label={t('enterprise.create')}
              data-testid="enterprise-create"
            >
              {phone ? null : t('enterprise.create')}
            </Button>
          )}
        </Space>
      }
    >
      {created && created.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 12 }}
          data-testid="enterprise-similar-warning"
          message={t('enterprise.similarTitle', { name: created.name })}
          description={created.warnings.map((w) => (
            <div key={w.similarTo.id}>
              <Link to={`/enterprises/${w.similarTo.id}`}>{w.similarTo.name}</Link>
            </div>
          ))}
        />
      )}
      <EnterpriseFilters
        value={filters}
        onChange={(next) => {
          setFilters(next);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      />
      <EnterpriseTable page={list.data} loading={list.isFetching} sort={paging.sort} onPagingChange={setPaging} phone={phone} />
      <EnterpriseFormModal target={target} onClose={() => setTarget(null)} onCreated={setCreated} />
    </Card>
  );
}
