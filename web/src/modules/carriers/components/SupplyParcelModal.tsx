import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';
import { FormModal } from '../../../ui/FormModal';
import type { Parcel } from '../api/carriers-api';
import { useParcelStatus } from '../hooks/use-carriers';

type SupplyValues = { projectId: string; suppliedOn?: Dayjs | null };

/** Picks a project the reader sees by a piece of its name. */
function ProjectSearch({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['projects', 'picker', q],
    queryFn: ({ signal }) => api.get<Page<{ id: string; name: string }>>('/projects', { q: q || undefined, pageSize: 30 }, { signal }),
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      placeholder={t('carrier.pickProject')}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      data-testid="supply-project"
    />
  );
}

/** 供地: records the project that received an available parcel, and the date (today unless told). */
export function SupplyParcelModal({ parcel, onClose }: { parcel: Parcel | null; onClose: () => void }) {
  const { t } = useI18n();
  const step = useParcelStatus();
  return (
    <FormModal<SupplyValues, Parcel>
      target={parcel}
      title={parcel ? t('carrier.supplyTitle', { code: parcel.code, name: parcel.name }) : ''}
      okTestId="supply-ok"
      onClose={onClose}
      onSubmit={(values, target) =>
        step.mutateAsync({
          id: target.id,
          body: {
            status: 'supplied',
            projectId: values.projectId,
            ...(values.suppliedOn ? { suppliedOn: values.suppliedOn.format('YYYY-MM-DD') } : {}),
            version: target.version,
          },
        })
      }
    >
      <Form.Item name="projectId" label={t('carrier.suppliedProject')} rules={[{ required: true }]}>
        <ProjectSearch />
      </Form.Item>
      <Form.Item name="suppliedOn" label={t('carrier.suppliedOn')}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
