import { chinaToday } from '../../../lib/china-today';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import { UnitPicker } from '../../units/components/UnitPicker';
import { PersonPicker } from '../../users/components/PersonPicker';
import { useMe } from '../../auth/hooks/use-me';
import { useRecordVisit } from '../hooks/use-visits';

type Demand = { title: string; description: string; category: string; leadUnitId: string; deadline: Dayjs };
type Values = {
  enterpriseId: string;
  visitDate: Dayjs;
  unitId?: string | null;
  visitorUserIds: string[];
  visitorNames: string[];
  purpose: string;
  notes?: string;
  demands?: Demand[];
};

/** What the form opens for: any enterprise (the visits page) or one already chosen (its page). */
export type VisitFormTarget = { enterprise: { id: string; name: string } | null };

/**
 * 登记走访: the enterprise, the day, who went, why, what was found, and each demand the enterprise raised — each
 * demand becomes a matter (企业诉求) assigned to its lead unit with a deadline, going round the matters loop.
 */
export function VisitFormModal({ target, onClose }: { target: VisitFormTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const record = useRecordVisit();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const categories = useDictionaryOptions('problem_category');
  const units = useAllUnits(target !== null);
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const required = { required: true, message: t('validation.required') };

  return (
    <FormModal<Values, VisitFormTarget>
      target={target}
      form={form}
      title={target?.enterprise ? t('visit.recordFor', { name: target.enterprise.name }) : t('visit.record')}
      testId="visit-form"
      okTestId="visit-save"
      width={760}
      startValues={(opened) => ({
        enterpriseId: opened.enterprise?.id,
        visitDate: chinaToday(),
        visitorUserIds: [],
        visitorNames: [],
        demands: [],
      })}
      onSubmit={async (values) => {
        await record.mutateAsync({
          enterpriseId: values.enterpriseId,
          visitDate: values.visitDate.format('YYYY-MM-DD'),
          ...(values.unitId ? { unitId: values.unitId } : {}),
          visitorUserIds: values.visitorUserIds ?? [],
          visitorNames: values.visitorNames.map((name) => name.trim()).filter(Boolean),
          purpose: values.purpose.trim(),
          notes: values.notes?.trim() || null,
          demands: (values.demands ?? []).map((d) => ({
            title: d.title.trim(),
            description: d.description.trim(),
            category: d.category,
            leadUnitId: d.leadUnitId,
            deadline: d.deadline.format('YYYY-MM-DD'),
          })),
        });
      }}
      onClose={onClose}
    >
      <Form.Item name="enterpriseId" label={t('visit.enterprise')} rules={[required]}>
        <EnterprisePicker fixed={target?.enterprise ?? undefined} data-testid="visit-enterprise" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="visitDate" label={t('visit.date')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(chinaToday(), 'day')} data-testid="visit-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="unitId" label={t('visit.unit')} extra={t('visit.unitDefault')}>
            <UnitPicker allowClear data-testid="visit-unit" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="visitorUserIds" label={t('visit.visitorUsers')} extra={t('visit.visitorUsersHint')}>
            <PersonPicker mode="multiple" allowClear unitId={unitId ?? me.unit.id} data-testid="visit-visitor-users" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="visitorNames"
            label={t('visit.visitorOthers')}
            extra={t('visit.visitorsHint')}
            dependencies={['visitorUserIds']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, names?: string[]) =>
                  (names?.length ?? 0) + (getFieldValue('visitorUserIds')?.length ?? 0) > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('visit.visitorsRequired'))),
              }),
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} data-testid="visit-visitors" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="purpose" label={t('visit.purpose')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={500} data-testid="visit-purpose" />
      </Form.Item>
      <Form.Item name="notes" label={t('visit.notes')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="visit-notes" />
      </Form.Item>
      <Typography.Title level={5}>{t('visit.demands')}</Typography.Title>
      <Form.List name="demands">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('visit.demandN', { n: field.name + 1 })}
                extra={
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('action.delete')} />
                }
                data-testid="visit-demand-form"
              >
                <Form.Item name={[field.name, 'title']} label={t('matter.title')} rules={[{ ...required, whitespace: true }]}>
                  <Input maxLength={180} data-testid="visit-demand-title" />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} label={t('matter.description')} rules={[{ ...required, whitespace: true }]}>
                  <Input.TextArea rows={2} maxLength={4000} data-testid="visit-demand-description" />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'category']} label={t('matter.category')} rules={[required]}>
                      <Select options={categories.options} showSearch={{ optionFilterProp: 'label' }} data-testid="visit-demand-category" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={9}>
                    <Form.Item name={[field.name, 'leadUnitId']} label={t('matter.leadUnit')} rules={[required]}>
                      <TreeSelect
                        treeData={unitTree}
                        treeDefaultExpandAll
                        showSearch={{ treeNodeFilterProp: 'title' }}
                        data-testid="visit-demand-lead-unit"
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item name={[field.name, 'deadline']} label={t('matter.deadline')} rules={[required]}>
                      <DatePicker
                        style={{ width: '100%' }}
                        disabledDate={(day) => day.isBefore(chinaToday(), 'day')}
                        data-testid="visit-demand-deadline"
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ deadline: chinaToday().add(15, 'day') })}
              data-testid="visit-add-demand"
            >
              {t('visit.addDemand')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
