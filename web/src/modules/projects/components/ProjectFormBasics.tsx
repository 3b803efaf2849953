import { Checkbox, Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { normaliseProjectCode, parseProjectCode } from '../../../../../common/domain/project-code';
import { useI18n } from '../../../i18n';
import { APPROVAL_TYPES, PROJECT_NATURES } from '../../../lib/enums';
import type { Project } from '../api/projects-api';
import { IndustryPicker } from '../../dictionaries/components/IndustryPicker';
import { useDictionaryOptions, useStreets } from '../hooks/use-pickers';
import { isLocked, lockedNote } from '../utils/locked-fields';
import type { ProjectFormValues } from '../utils/project-form';

/** 基本信息, 分类 and 地点: what the project is, how it is classified, and where it is. */
export function ProjectFormBasics({ editing }: { editing: Project | null }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<ProjectFormValues>();
  const categories = useDictionaryOptions('project_category');
  const leadingIndustries = useDictionaryOptions('leading_industry');
  const clusters = useDictionaryOptions('cluster');
  const parks = useDictionaryOptions('park');
  const streets = useStreets();
  const code = Form.useWatch('code', form);
  const clusterCode = Form.useWatch('clusterCode', form);
  const codeChanged = editing !== null && (code?.trim() ? normaliseProjectCode(code) : null) !== editing.code;
  const parkOptions = clusterCode ? parks.options.filter((p) => p.parentCode === clusterCode) : parks.options;
  const required = { required: true, message: t('validation.required') };

  return (
    <>
      <Divider titlePlacement="start">{t('project.section.basic')}</Divider>
      <Form.Item name="name" label={t('project.name')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
        <Input maxLength={200} data-testid="project-name" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name="code"
            label={t('project.code')}
            extra={t('project.codeHint')}
            rules={[
              {
                validator: async (_, value: string | null) => {
                  if (!value?.trim()) return;
                  const parsed = parseProjectCode(value, () => true);
                  if (!parsed.ok) throw new Error(t('project.codeShape', { segment: Math.max(parsed.problem.segment, 1) }));
                },
              },
            ]}
          >
            <Input
              maxLength={40}
              placeholder="NNNN-NNNNNN-NN-NN-NNNNNN"
              style={{ fontFamily: 'monospace' }}
              onBlur={(e) => e.target.value && form.setFieldValue('code', normaliseProjectCode(e.target.value))}
              data-testid="project-code"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="approvalType" label={t('project.approvalType')} tooltip={t('project.approvalTypeHint')}>
            <Select allowClear options={APPROVAL_TYPES.map((a) => ({ value: a, label: t(`approvalType.${a}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      {codeChanged && editing?.code && (
        <Form.Item
          name="codeChangeReason"
          label={t('project.codeChangeReason')}
          extra={t('project.codeChangeReasonHint')}
          rules={[{ max: 200 }]}
        >
          <Input maxLength={200} data-testid="project-code-reason" />
        </Form.Item>
      )}
      <Form.Item name="ownerName" label={t('project.ownerName')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="project-owner" />
      </Form.Item>
      <Form.Item name="constructionContent" label={t('project.constructionContent')} rules={[{ max: 4000 }]}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} showCount />
      </Form.Item>

      <Divider titlePlacement="start">{t('project.section.classification')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="nature" label={t('project.nature')} rules={[required]} extra={lockedNote(editing, ['nature'], t)}>
            <Select
              options={PROJECT_NATURES.map((n) => ({ value: n, label: t(`nature.${n}`) }))}
              disabled={isLocked(editing, 'nature')}
              data-testid="project-nature"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('project.level')}
            extra={lockedNote(editing, ['isProvincialKey', 'isCityKey', 'isDistrictKey'], t)}
            data-testid="project-level-field"
          >
            <Form.Item name="isProvincialKey" valuePropName="checked" noStyle>
              <Checkbox disabled={isLocked(editing, 'isProvincialKey')} data-testid="project-provincial-key">
                {t('level.provincial')}
              </Checkbox>
            </Form.Item>
            <Form.Item name="isCityKey" valuePropName="checked" noStyle>
              <Checkbox disabled={isLocked(editing, 'isCityKey')}>{t('level.city')}</Checkbox>
            </Form.Item>
            <Form.Item name="isDistrictKey" valuePropName="checked" noStyle>
              <Checkbox disabled={isLocked(editing, 'isDistrictKey')}>{t('level.district')}</Checkbox>
            </Form.Item>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="namedLists"
        label={t('project.namedLists')}
        extra={lockedNote(editing, ['namedLists'], t) ?? t('project.namedListsHint')}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，', '；', ';']}
          open={false}
          suffixIcon={null}
          disabled={isLocked(editing, 'namedLists')}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="categoryCode" label={t('project.category')}>
            <Select allowClear options={categories.options} loading={categories.loading} data-testid="project-category" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industryCode" label={t('project.industry')}>
            <IndustryPicker divisionsOnly data-testid="project-industry" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="leadingIndustryCode" label={t('project.leadingIndustry')}>
            <Select allowClear options={leadingIndustries.options} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('project.section.location')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="streetCode" label={t('project.street')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={streets.options} data-testid="project-street" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="clusterCode" label={t('project.cluster')}>
            <Select
              allowClear
              options={clusters.options}
              onChange={(cluster?: string) => {
                const park = form.getFieldValue('parkCode') as string | null;
                if (park && parks.options.find((p) => p.value === park)?.parentCode !== cluster) form.setFieldValue('parkCode', null);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="parkCode" label={t('project.park')}>
            <Select
              allowClear
              options={parkOptions}
              onChange={(park?: string) => {
                const cluster = parks.options.find((p) => p.value === park)?.parentCode;
                if (cluster) form.setFieldValue('clusterCode', cluster);
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="longitude" label={t('project.longitude')}>
            <InputNumber min={73} max={136} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="latitude" label={t('project.latitude')}>
            <InputNumber min={3} max={54} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
