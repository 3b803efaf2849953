import { Alert, Col, DatePicker, Divider, Form, Input, InputNumber, Radio, Row, Select, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { useAllUnits } from '../../units/hooks/use-units';
import { unitTreeWithNamed } from '../../units/utils/unit-tree';
import type { Project } from '../api/projects-api';
import { useLeaders } from '../hooks/use-pickers';
import { isLocked, lockedNote } from '../utils/locked-fields';
import { WanInput, wanRule } from './WanInput';

const DATE_FIELDS = [
  ['plannedStart', 'project-planned-start'],
  ['plannedCompletion', 'project-planned-completion'],
  ['actualStart', 'project-actual-start'],
  ['actualCompletion', 'project-actual-completion'],
] as const;

/** 投资与用地, 时间 and 责任: the money, land, dates, and who is responsible. */
export function ProjectFormDetails({ editing }: { editing: Project | null }) {
  const { t } = useI18n();
  const fromPlan: string[] = editing?.datesFromPlan ?? [];
  const units = useAllUnits();
  // Units the project already names but the user cannot see (outside the data scope) still show by name.
  const unitTree = useMemo(
    () => unitTreeWithNamed(units.data ?? [], editing ? [{ id: editing.leadUnitId, name: editing.leadUnitName }, ...editing.coUnits] : []),
    [units.data, editing],
  );
  const leaders = useLeaders();
  const required = { required: true, message: t('validation.required') };
  const wan = wanRule(t);

  return (
    <>
      <Divider titlePlacement="start">{t('project.section.investment')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="totalInvestmentYuan"
            label={t('project.totalInvestment')}
            rules={[wan]}
            extra={lockedNote(editing, ['totalInvestmentYuan'], t)}
          >
            <WanInput disabled={isLocked(editing, 'totalInvestmentYuan')} data-testid="project-total-investment" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="fixedAssetInvestmentYuan"
            label={t('project.fixedAssetInvestment')}
            rules={[wan]}
            extra={lockedNote(editing, ['fixedAssetInvestmentYuan'], t)}
          >
            <WanInput disabled={isLocked(editing, 'fixedAssetInvestmentYuan')} />
          </Form.Item>
        </Col>
        {/* 期初累计完成投资: what was done before the project's reports in Lantu, counted in every since-start figure. */}
        <Col xs={24} md={12}>
          <Form.Item
            name="openingCompletedYuan"
            label={t('project.openingCompleted')}
            rules={[wan]}
            extra={lockedNote(editing, ['openingCompletedYuan'], t) ?? t('project.openingCompleted.extra')}
          >
            <WanInput disabled={isLocked(editing, 'openingCompletedYuan')} data-testid="project-opening-completed" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="openingCompletedAsOf"
            label={t('project.openingCompletedAsOf')}
            extra={lockedNote(editing, ['openingCompletedAsOf'], t) ?? t('project.openingCompletedAsOf.extra')}
          >
            <DatePicker
              picker="month"
              format={t('project.openingCompletedAsOf.format')}
              style={{ width: '100%' }}
              disabled={isLocked(editing, 'openingCompletedAsOf')}
              data-testid="project-opening-as-of"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          {/* 是 / 否 / 未填, not a switch: "not stated" must not read as "no" (the land gate fails on it). */}
          <Form.Item name="needsLand" label={t('project.needsLand')} extra={t('project.needsLand.extra')}>
            <Radio.Group
              optionType="button"
              size="small"
              data-testid="project-needs-land"
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
                { value: null, label: t('project.needsLand.unstated') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="landSecured" label={t('project.landSecured')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="landAreaMu" label={t('project.landAreaMu')}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="floorAreaM2" label={t('project.floorAreaM2')}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="demolitionM2" label={t('project.demolitionM2')}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="resettlementUnits" label={t('project.resettlementUnits')}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('project.section.dates')}</Divider>
      {/* One fact in one place: the dates the plan's 开工/竣工 milestones give are edited in the plan. */}
      {fromPlan.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('project.datesFromPlanNote')}
          data-testid="project-dates-from-plan"
        />
      )}
      <Row gutter={16}>
        {DATE_FIELDS.map(([field, testId]) => (
          <Col xs={12} md={6} key={field}>
            <Form.Item name={field} label={t(`project.${field}`)} extra={fromPlan.includes(field) ? t('project.dateFromPlan') : undefined}>
              <DatePicker style={{ width: '100%' }} disabled={fromPlan.includes(field)} data-testid={testId} />
            </Form.Item>
          </Col>
        ))}
      </Row>

      <Divider titlePlacement="start">{t('project.section.responsibility')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="leadUnitId" label={t('project.leadUnit')} rules={[required]} extra={lockedNote(editing, ['leadUnitId'], t)}>
            <TreeSelect
              treeData={unitTree}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={units.isPending}
              disabled={isLocked(editing, 'leadUnitId')}
              data-testid="project-lead-unit"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="coUnitIds" label={t('project.coUnits')}>
            <TreeSelect multiple treeData={unitTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="leaderIds" label={t('project.leaders')} extra={lockedNote(editing, ['leaderIds'], t)}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={leaders.options}
          loading={leaders.loading}
          disabled={isLocked(editing, 'leaderIds')}
          data-testid="project-leaders"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label={t('project.contactName')} rules={[{ max: 64 }]}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactPhone"
            label={t('project.contactPhone')}
            rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('user.phoneFormat') }]}
          >
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="taskForce" label={t('project.taskForce')} rules={[{ max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
