import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n';
import { useShowError } from '../../../../lib/use-show-error';
import type { Project } from '../../api/projects-api';
import { useApplyTemplate, usePlanTemplates } from '../../hooks/use-tracks';

type PlanTemplatePickerProps = { project: Project; hasMilestones: boolean };

/** 应用模板: replaces the plan with a template for the project's category, after a confirmation if it has milestones. */
export function PlanTemplatePicker({ project, hasMilestones }: PlanTemplatePickerProps) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const templates = usePlanTemplates(project.categoryCode, true);
  const apply = useApplyTemplate(project.id);
  const [templateId, setTemplateId] = useState<string | undefined>();
  const chosen = templates.data?.find((tpl) => tpl.id === templateId);

  const run = () => {
    if (!chosen) return;
    apply.mutate(
      { templateId: chosen.id, version: project.version },
      { onSuccess: () => message.success(t('plan.templateApplied')), onError: (error) => showError(error) },
    );
  };

  return (
    <Space.Compact>
      <Select
        value={templateId}
        onChange={setTemplateId}
        placeholder={t('plan.templatePlaceholder')}
        loading={templates.isPending}
        options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
        style={{ width: 220 }}
        data-testid="plan-apply-template"
      />
      <Button
        disabled={!chosen}
        loading={apply.isPending}
        onClick={() =>
          hasMilestones
            ? modal.confirm({
                title: t('plan.applyTemplate'),
                content: t('plan.applyTemplateConfirm', { name: chosen?.name ?? '' }),
                okText: t('action.confirm'),
                cancelText: t('action.cancel'),
                onOk: run,
              })
            : run()
        }
        data-testid="plan-apply-template-confirm"
      >
        {t('plan.applyTemplate')}
      </Button>
    </Space.Compact>
  );
}
