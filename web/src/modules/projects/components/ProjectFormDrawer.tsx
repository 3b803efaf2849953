import { Alert, App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { useMe } from '../../auth/hooks/use-me';
import { CustomFieldsFormSection } from '../../custom-fields/components/CustomFieldsFormSection';
import type { Project } from '../api/projects-api';
import { useSaveProject } from '../hooks/use-projects';
import { type ProjectFormValues, toFormValues, toRequestBody, toUpdateBody } from '../utils/project-form';
import { ProjectFormBasics } from './ProjectFormBasics';
import { ProjectFormDetails } from './ProjectFormDetails';
import { ProjectFormPlanning } from './ProjectFormPlanning';

/** Create a project, or edit one (the version read is sent back, so a stale edit is refused with 409). */
export type ProjectFormTarget = { mode: 'create' } | { mode: 'edit'; project: Project };

type ProjectFormDrawerProps = { target: ProjectFormTarget | null; onClose: () => void };

/** The project form in a drawer, in six sections; the server's field errors appear under the fields they name. */
export function ProjectFormDrawer({ target, onClose }: ProjectFormDrawerProps) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject();
  const showError = useShowError();
  const editing = target?.mode === 'edit' ? target.project : null;
  const wide = Grid.useBreakpoint().md === true;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(editing, { leadUnitId: me.unit.id }));
  }, [target, editing, form, me.unit.id]);

  const submit = (values: ProjectFormValues) => {
    const onError = (error: unknown) => showError(error, { form, onConflict: onClose });
    if (editing) {
      save.mutate(
        { id: editing.id, body: toUpdateBody(values, editing) },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    save.mutate(
      { id: null, body: toRequestBody(values) },
      {
        onSuccess: (project) => {
          message.success(t('project.created'));
          onClose();
          navigate(`/projects/${project.id}`);
        },
        onError,
      },
    );
  };

  return (
    <Drawer
      open={target !== null}
      title={editing ? t('project.editTitle', { name: editing.name }) : t('project.createTitle')}
      size={wide ? 760 : '100%'}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="project-save">
            {t('action.save')}
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} scrollToFirstError data-testid="project-form">
        {editing && editing.lockedFields.length > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('project.lockedFieldsNote', {
              fields: new Intl.ListFormat(locale).format(editing.lockedFields.map((f) => t(`governedField.${f}`))),
            })}
            data-testid="project-locked-note"
          />
        )}
        <ProjectFormBasics editing={editing} />
        <ProjectFormDetails editing={editing} />
        <ProjectFormPlanning />
        <CustomFieldsFormSection regionCode={editing?.regionCode} />
      </Form>
    </Drawer>
  );
}
