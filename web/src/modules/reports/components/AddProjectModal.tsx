import { App, Form, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { projectsApi } from '../../projects/api/projects-api';
import type { ReportingPeriod } from '../api/reports-api';
import { useAddPeriodProject } from '../hooks/use-reports';

/** Adds one more project of the district to an open period's owed reports (picked by name). */
export function AddProjectModal({ period, onClose }: { period: ReportingPeriod | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const add = useAddPeriodProject();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['projects', 'list', 'period-picker', q],
    queryFn: ({ signal }) => projectsApi.list({ q: q || undefined, page: 1, pageSize: 20 }, signal),
    enabled: period !== null,
  });

  return (
    <FormModal<{ projectId?: string }, ReportingPeriod>
      target={period}
      title={t('period.addProject')}
      okTestId="period-add-project-confirm"
      onClose={onClose}
      onSubmit={async (values, target) => {
        await add.mutateAsync({ id: target.id, projectId: values.projectId ?? '' });
        message.success(t('period.projectAdded'));
      }}
    >
      <Form.Item name="projectId" label={t('period.addProjectPick')}>
        <Select
          showSearch
          filterOption={false}
          onSearch={setQ}
          placeholder={t('period.addProjectSearch')}
          loading={found.isFetching}
          options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          data-testid="period-add-project-select"
        />
      </Form.Item>
    </FormModal>
  );
}
