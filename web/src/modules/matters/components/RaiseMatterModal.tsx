import { chinaToday } from '../../../lib/china-today';
import { Col, DatePicker, Form, Input, Row, Select, TreeSelect } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { MATTER_PRIORITIES, MATTER_SOURCES, type MatterPriority, type MatterSource } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import { useRaiseMatter } from '../hooks/use-matters';

/** Sources a person raises by hand; enterprise demands come from enterprise visits (the attraction module). */
const RAISED_BY_HAND = MATTER_SOURCES.filter((source) => source !== 'enterprise_demand');

type Values = {
  source: MatterSource;
  title: string;
  description: string;
  category: string;
  priority: MatterPriority;
  leadUnitId: string;
  coUnitIds?: string[];
  deadline: Dayjs;
};

/**
 * What the form opens for: a project's problem (source and project fixed; `problem` pre-fills it, as a monthly
 * report's problems do, and `sourceReportId` records that report), or any matter from the board.
 */
export type RaiseMatterTarget = { projectId: string; projectName: string; problem?: string; sourceReportId?: string } | { projectId: null };

// A title taken from a problem's text: its first line, cut to a length a list shows whole.
const TITLE_FROM_PROBLEM = 40;
const titleOf = (problem: string) => {
  const line = problem.trim().split(/\r?\n/)[0] ?? '';
  return line.length > TITLE_FROM_PROBLEM ? `${line.slice(0, TITLE_FROM_PROBLEM)}…` : line;
};

/**
 * 交办: raises a matter and assigns it to a lead unit (and co-units) with a deadline. From a project's tab it is
 * that project's problem; from the board it is a leader's instruction, a 12345 item or an inspection finding.
 */
export function RaiseMatterModal({
  target,
  onClose,
  onRaised,
}: {
  target: RaiseMatterTarget | null;
  onClose: () => void;
  onRaised: (id: string) => void;
}) {
  const { t } = useI18n();
  const raise = useRaiseMatter();
  const categories = useDictionaryOptions('problem_category');
  const units = useAllUnits(target !== null);
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const required = { required: true, message: t('validation.required') };
  const forProject = target?.projectId ? target : null;
  const sources = forProject ? (['project_problem'] as const) : RAISED_BY_HAND.filter((s) => s !== 'project_problem');

  return (
    <FormModal<Values, RaiseMatterTarget>
      target={target}
      title={forProject ? t('matter.raiseFor', { project: forProject.projectName }) : t('matter.raise')}
      testId="matter-raise-form"
      okText={t('matter.raiseOk')}
      okTestId="matter-raise-ok"
      width={720}
      startValues={() => ({
        source: sources[0],
        priority: 'normal',
        deadline: chinaToday().add(15, 'day'),
        ...(forProject?.problem ? { title: titleOf(forProject.problem), description: forProject.problem.trim() } : {}),
      })}
      onSubmit={async (values, opened) => {
        const raised = await raise.mutateAsync({
          source: values.source,
          projectId: opened.projectId,
          ...(opened.projectId && opened.sourceReportId ? { sourceReportId: opened.sourceReportId } : {}),
          title: values.title.trim(),
          description: values.description.trim(),
          category: values.category,
          priority: values.priority,
          leadUnitId: values.leadUnitId,
          coUnitIds: values.coUnitIds ?? [],
          deadline: values.deadline.format('YYYY-MM-DD'),
        });
        onRaised(raised.id);
      }}
      onClose={onClose}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('matter.source')} rules={[required]}>
            <Select
              disabled={sources.length === 1}
              options={sources.map((s) => ({ value: s, label: t(`matterSource.${s}`) }))}
              data-testid="matter-raise-source"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('matter.category')} rules={[required]}>
            <Select
              options={categories.options}
              loading={categories.loading}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="matter-raise-category"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('matter.title')} rules={[required]}>
        <Input maxLength={200} showCount data-testid="matter-raise-title" />
      </Form.Item>
      <Form.Item name="description" label={t('matter.description')} rules={[required]}>
        <Input.TextArea rows={4} maxLength={4000} data-testid="matter-raise-description" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="leadUnitId" label={t('matter.leadUnit')} rules={[required]}>
            <TreeSelect
              treeData={unitTree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={units.isPending}
              data-testid="matter-raise-lead-unit"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="coUnitIds" label={t('matter.coUnits')}>
            <TreeSelect multiple treeData={unitTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="deadline" label={t('matter.deadline')} rules={[required]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(chinaToday(), 'day')}
              data-testid="matter-raise-deadline"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="priority" label={t('matter.priority')} rules={[required]}>
            <Select options={MATTER_PRIORITIES.map((p) => ({ value: p, label: t(`matterPriority.${p}`) }))} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
