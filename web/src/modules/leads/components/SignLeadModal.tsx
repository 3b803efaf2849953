import { chinaToday } from '../../../lib/china-today';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { wanToYuan, yuanToWanInput } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';
import { FormModal } from '../../../ui/FormModal';
import { WanInput, wanRule } from '../../projects/components/WanInput';
import type { Lead } from '../api/leads-api';
import { useSignLead } from '../hooks/use-leads';

type Values = { contractValueYuan: string | null; contractDate: Dayjs | null; pool: 'planning' | 'advancing'; projectId: string | null };

/** Picks an existing project of the library by name, to link instead of creating one. */
function ProjectPicker({ value, onChange }: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['projects', 'pick', q],
    queryFn: ({ signal }) => api.get<Page<{ id: string; name: string }>>('/projects', { q: q || undefined, pageSize: 20 }, { signal }),
  });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      placeholder={t('lead.signLinkHint')}
      loading={found.isFetching}
      data-testid="lead-sign-project"
    />
  );
}

/**
 * 签约: the contract's value (万元) and date, and the project the lead becomes — new in the planning or advancing pool,
 * carrying the lead's name, enterprise, industry, investment, land, leader and unit — or an existing one linked.
 */
export function SignLeadModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useI18n();
  const sign = useSignLead(lead?.id ?? '');
  const [form] = Form.useForm<Values>();
  const linking = !!Form.useWatch('projectId', form);
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values, Lead>
      target={lead}
      form={form}
      title={t('lead.signTitle')}
      okText={t('lead.sign')}
      okTestId="lead-sign-ok"
      testId="lead-sign-form"
      startValues={(l) => ({
        contractValueYuan: yuanToWanInput(l.estimatedInvestmentYuan),
        contractDate: chinaToday(),
        pool: 'planning',
        projectId: null,
      })}
      onSubmit={(values, l) =>
        sign.mutateAsync({
          contractValueYuan: wanToYuan(values.contractValueYuan),
          contractDate: values.contractDate ? values.contractDate.format('YYYY-MM-DD') : null,
          pool: values.pool,
          projectId: values.projectId ?? null,
          version: l.version,
        })
      }
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{lead?.name}</Typography.Paragraph>
      <Form.Item name="contractValueYuan" label={t('lead.contractValue')} rules={[required, wanRule(t)]}>
        <WanInput data-testid="lead-contract-value" />
      </Form.Item>
      <Form.Item name="contractDate" label={t('lead.contractDate')} rules={[required]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid="lead-contract-date" />
      </Form.Item>
      <Form.Item name="projectId" label={t('lead.signLink')}>
        <ProjectPicker />
      </Form.Item>
      <Form.Item name="pool" label={t('lead.signPool')}>
        <Radio.Group
          disabled={linking}
          options={[
            { value: 'planning', label: t('pool.planning') },
            { value: 'advancing', label: t('pool.advancing') },
          ]}
          data-testid="lead-sign-pool"
        />
      </Form.Item>
    </FormModal>
  );
}
