import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, type FormInstance, Input, Row, Select, Space, Typography } from 'antd';
import { UNIT_KINDS } from '../../../../../common/enums';
import { resolveRankingGroups } from '../../../../../common/domain/ranking-groups';
import { useI18n } from '../../../i18n';
import type { DistrictUnit, RankingGroup } from '../api/assessment-api';

export type GroupsForm = { groups: RankingGroup[] };

/** An empty group as the office starts it: no kinds, no units. */
const newGroup = (): RankingGroup => ({ name: '', kinds: [], unitIds: [], excludedUnitIds: [] });

/** The groups as saved: none → null (every unit in one ranking); lists never undefined. */
export function groupsOf(values: Partial<GroupsForm> | undefined): RankingGroup[] | null {
  const groups = (values?.groups ?? []).filter(Boolean).map((g) => ({
    name: (g.name ?? '').trim(),
    kinds: g.kinds ?? [],
    unitIds: g.unitIds ?? [],
    excludedUnitIds: g.excludedUnitIds ?? [],
  }));
  return groups.length ? groups : null;
}

/**
 * 考核分组: the office names groups (街道, 区直部门 …) and picks their members — by unit kind, units added by name,
 * units left out; under each group the units it holds, and below all the units no group assesses.
 */
export function RankingGroupsEditor({ form, units }: { form: FormInstance<GroupsForm>; units: DistrictUnit[] }) {
  const { t } = useI18n();
  const watched = Form.useWatch('groups', form) as RankingGroup[] | undefined;
  const groups = groupsOf({ groups: watched ?? [] }) ?? [];
  const resolved = resolveRankingGroups(groups, units);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id).join(t('assessment.listSeparator'));
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  const kindOptions = UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }));
  const unitSelect = (testId: string) => (
    <Select
      mode="multiple"
      allowClear
      showSearch
      optionFilterProp="label"
      options={unitOptions}
      placeholder={t('assessment.pickUnits')}
      data-testid={testId}
    />
  );

  return (
    <Form form={form} layout="vertical" data-testid="ranking-groups" requiredMark={false}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('assessment.groups')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('assessment.groupsHelp')}</Typography.Paragraph>
      <Form.List name="groups">
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%' }}>
            {fields.length === 0 && (
              <Alert type="info" showIcon message={t('assessment.noGroups', { count: units.length })} data-testid="groups-none" />
            )}
            {fields.map((field, index) => {
              const members = resolved.members[index] ?? [];
              return (
                <Card
                  key={field.key}
                  size="small"
                  data-testid="ranking-group-card"
                  title={groups[index]?.name || t('assessment.groupName')}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('assessment.removeGroup')}
                      data-testid="group-remove"
                    />
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('assessment.groupName')}
                        rules={[{ required: true, whitespace: true, message: t('assessment.groupNameRequired') }]}
                      >
                        <Input maxLength={40} placeholder={t('assessment.groupNamePlaceholder')} data-testid="group-name" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={16}>
                      <Form.Item name={[field.name, 'kinds']} label={t('assessment.groupKinds')}>
                        <Select mode="multiple" allowClear options={kindOptions} data-testid="group-kinds" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'unitIds']} label={t('assessment.groupUnits')}>
                        {unitSelect('group-units')}
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item name={[field.name, 'excludedUnitIds']} label={t('assessment.groupExcluded')}>
                        {unitSelect('group-excluded')}
                      </Form.Item>
                    </Col>
                  </Row>
                  <Typography.Paragraph
                    type={members.length ? 'secondary' : 'warning'}
                    style={{ marginBottom: 0 }}
                    ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.showAll') }}
                    data-testid="group-members"
                  >
                    {members.length
                      ? t('assessment.members', { count: members.length, names: names(members) })
                      : t('assessment.membersEmpty')}
                  </Typography.Paragraph>
                </Card>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add(newGroup())} data-testid="group-add">
              {t('assessment.addGroup')}
            </Button>
            {fields.length > 0 && (
              <Typography.Paragraph
                type="secondary"
                style={{ marginBottom: 0 }}
                ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.showAll') }}
                data-testid="groups-not-assessed"
              >
                {resolved.notAssessed.length
                  ? t('assessment.notAssessed', { count: resolved.notAssessed.length, names: names(resolved.notAssessed) })
                  : t('assessment.allAssessed')}
              </Typography.Paragraph>
            )}
          </Space>
        )}
      </Form.List>
    </Form>
  );
}

/** Puts refused groups' messages (paths groups.1.unitIds.0, groups.2) on their fields. */
export function showGroupProblems(form: FormInstance<GroupsForm>, problems: { path: string; message: string }[]) {
  const byField = new Map<string, { name: ['groups', number, keyof RankingGroup]; errors: string[] }>();
  for (const problem of problems) {
    const [, index, field = 'kinds'] = problem.path.split('.');
    const name: ['groups', number, keyof RankingGroup] = ['groups', Number(index), field as keyof RankingGroup];
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
}
