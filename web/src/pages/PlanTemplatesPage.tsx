import { Alert, Badge, Card, Col, Empty, Grid, List, Row, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { describeError } from '../lib/use-show-error';
import { TemplateEditor } from '../modules/plan-templates/components/TemplateEditor';
import { UnboundMilestones } from '../modules/plan-templates/components/UnboundMilestones';
import { useAllPlanTemplates, useUnboundMilestones } from '../modules/plan-templates/hooks/use-plan-templates';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';

/**
 * 计划模板 (project.configure): the templates every new plan starts from, each milestone with its binding — an approval
 * item type or the project's planned start/completion —, and the report of plan milestones left unbound.
 */
export function PlanTemplatesPage() {
  const { t } = useI18n();
  const templates = useAllPlanTemplates();
  const unbound = useUnboundMilestones();
  const categories = useDictionaryOptions('project_category');
  const phone = Grid.useBreakpoint().md === false;
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = templates.data?.find((x) => x.id === chosenId) ?? templates.data?.[0];
  const boundCount = (items: { kind: string; approvalTypeCode?: string | null }[]) =>
    items.filter((m) => m.kind !== 'other' || m.approvalTypeCode).length;

  const categoryOf = (code: string | null) => (code ? categories.label(code) : t('templates.everyCategory'));
  const templatesTab = (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={6} xxl={5}>
        {phone ? (
          // On a phone the list would push the milestones a screen down: a picker instead.
          <Select
            value={chosen?.id}
            onChange={setChosenId}
            options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            style={{ width: '100%' }}
            aria-label={t('templates.tab')}
            data-testid="template-picker"
          />
        ) : (
          <List
            bordered
            size="small"
            loading={templates.isPending}
            dataSource={templates.data ?? []}
            data-testid="template-list"
            renderItem={(template) => (
              <List.Item
                onClick={() => setChosenId(template.id)}
                style={{
                  cursor: 'pointer',
                  background: template.id === chosen?.id ? 'var(--ant-control-item-bg-active, #e6f4ff)' : undefined,
                }}
                data-testid="template-list-item"
              >
                <List.Item.Meta
                  title={template.name}
                  description={`${categoryOf(template.categoryCode)} · ${t('templates.counts', {
                    milestones: template.items.length,
                    bound: boundCount(template.items),
                  })}`}
                />
              </List.Item>
            )}
          />
        )}
      </Col>
      <Col xs={24} lg={18} xxl={19}>
        {chosen ? (
          <Card size="small" title={chosen.name} extra={<Tag>{categoryOf(chosen.categoryCode)}</Tag>}>
            {/* A fresh editor for each template and each saved version. */}
            <TemplateEditor key={`${chosen.id}:${chosen.version}`} template={chosen} />
          </Card>
        ) : (
          !templates.isPending && <Empty description={t('templates.none')} />
        )}
      </Col>
    </Row>
  );

  return (
    <Card title={t('nav.planTemplates')}>
      <Typography.Paragraph type="secondary">{t('templates.intro')}</Typography.Paragraph>
      {templates.error && <Alert type="error" showIcon title={describeError(templates.error, t)} />}
      {templates.isPending && !templates.data && <Spin />}
      <Tabs
        items={[
          { key: 'templates', label: t('templates.tab'), children: templatesTab },
          {
            key: 'unbound',
            label: (
              <span data-testid="unbound-tab">
                {t('templates.unboundTab')} <Badge count={unbound.data?.length ?? 0} showZero={false} />
              </span>
            ),
            children: <UnboundMilestones />,
          },
        ]}
      />
    </Card>
  );
}
