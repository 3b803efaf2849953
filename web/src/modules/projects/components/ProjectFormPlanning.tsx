import { Col, DatePicker, Divider, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../i18n';
import { CHAIN_SEGMENTS, FEASIBILITY_STATUSES } from '../../../lib/enums';
import { useDictionaryOptions } from '../hooks/use-pickers';
import { WanInput, wanRule } from './WanInput';

/** 策划: the proposal, the feasibility study, the place on an industry chain, and the output and tax expected. */
export function ProjectFormPlanning() {
  const { t } = useI18n();
  const chains = useDictionaryOptions('industry_chain');
  const wan = wanRule(t);

  return (
    <>
      <Divider titlePlacement="start">{t('project.section.planning')}</Divider>
      <Form.Item name="proposal" label={t('project.proposal')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} maxLength={4000} showCount data-testid="project-proposal" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="feasibilityStatus" label={t('project.feasibilityStatus')}>
            <Select
              allowClear
              options={FEASIBILITY_STATUSES.map((s) => ({ value: s, label: t(`feasibilityStatus.${s}`) }))}
              data-testid="project-feasibility-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="feasibilityApprovedOn" label={t('project.feasibilityApprovedOn')}>
            <DatePicker style={{ width: '100%' }} data-testid="project-feasibility-approved-on" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="chainCode" label={t('project.chain')}>
            <Select allowClear options={chains.options} loading={chains.loading} data-testid="project-chain" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="chainSegment" label={t('project.chainSegment')}>
            <Select
              allowClear
              options={CHAIN_SEGMENTS.map((s) => ({ value: s, label: t(`chainSegment.${s}`) }))}
              data-testid="project-chain-segment"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="chainNode" label={t('project.chainNode')} rules={[{ max: 100 }]}>
            <Input maxLength={100} data-testid="project-chain-node" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="expectedOutputYuan" label={t('project.expectedOutput')} rules={[wan]}>
            <WanInput data-testid="project-expected-output" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="expectedTaxYuan" label={t('project.expectedTax')} rules={[wan]}>
            <WanInput data-testid="project-expected-tax" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
