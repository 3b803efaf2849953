import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useEffectEvent, useState } from 'react';
import { useI18n } from '../i18n';
import { useShowError } from '../lib/use-show-error';

type StartValues<Values> = Parameters<FormInstance<Values>['setFieldsValue']>[0];

type FormModalProps<Values, Target> = {
  /** What the form is open for (a record to edit, a parent to add under …); null keeps the modal closed. */
  target: Target | null;
  title: ReactNode;
  /** The form, when the caller needs it too (to watch a field); else the modal makes its own. */
  form?: FormInstance<Values>;
  /** The values the form starts from, each time a new target opens it (after clearing the last one's). */
  startValues?: (target: Target) => StartValues<Values> | undefined;
  /**
   * Sends the valid form. When it resolves the modal closes; when it fails, the server's field errors land under
   * the fields they name, and a version conflict offers to reload (closing the stale form).
   */
  onSubmit: (values: Values, target: Target) => Promise<unknown>;
  onClose: () => void;
  /** The OK button's text: 保存 unless told. */
  okText?: string;
  okTestId?: string;
  /** The form's data-testid. */
  testId?: string;
  width?: number;
  onValuesChange?: (changed: Partial<Values>, all: Values) => void;
  children: ReactNode;
};

/**
 * The modal of a one-record form: cleared and filled for each target, 保存 validates and sends it, and what the
 * server refuses is shown under the fields (or as a message). The form stays rendered while closed, so a caller's
 * `Form.useWatch` keeps working.
 */
export function FormModal<Values extends object, Target>({
  target,
  title,
  form: callerForm,
  startValues,
  onSubmit,
  onClose,
  okText,
  okTestId,
  testId,
  width,
  onValuesChange,
  children,
}: FormModalProps<Values, Target>) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>(callerForm);
  const showError = useShowError();
  const [pending, setPending] = useState(false);
  // Only a new target refills the form; the latest startValues is read then, without being a reason to refill.
  const fill = useEffectEvent((opened: Target) => {
    form.resetFields();
    const values = startValues?.(opened);
    if (values) form.setFieldsValue(values);
  });

  useEffect(() => {
    if (target !== null) fill(target);
  }, [target]);

  const submit = async (values: Values) => {
    if (target === null) return;
    setPending(true);
    try {
      await onSubmit(values, target);
      onClose();
    } catch (error) {
      showError(error, { form, onConflict: onClose });
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={okTestId ? { 'data-testid': okTestId } : undefined}
      confirmLoading={pending}
      forceRender
      width={width}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} onValuesChange={onValuesChange} data-testid={testId}>
        {children}
      </Form>
    </Modal>
  );
}
