import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { describeError, useShowError } from '../lib/use-show-error';
import { CustomFieldModal, type CustomFieldTarget } from '../modules/custom-fields/components/CustomFieldModal';
import { CustomFieldTable } from '../modules/custom-fields/components/CustomFieldTable';
import { useDeleteCustomField, useDistrictCustomFields } from '../modules/custom-fields/hooks/use-custom-fields';

/** 自定义字段: the administrator defines the extra project fields of the district (text, number, date, choice). */
export function CustomFieldsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const fields = useDistrictCustomFields();
  const remove = useDeleteCustomField();
  const showError = useShowError();
  const [target, setTarget] = useState<CustomFieldTarget | null>(null);

  return (
    <Card
      title={t('nav.customFields')}
      extra={
        fields.data?.abilities?.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="custom-field-create">
            {t('customField.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('customField.intro')}</Typography.Paragraph>
      {fields.error && <Alert type="error" showIcon title={describeError(fields.error, t)} style={{ marginBottom: 16 }} />}
      <CustomFieldTable
        fields={fields.data?.items ?? []}
        loading={fields.isFetching}
        onEdit={(field) => setTarget({ mode: 'edit', field })}
        onDelete={(field) =>
          remove.mutate(field.id, { onSuccess: () => message.success(t('common.deleted')), onError: (e) => showError(e) })
        }
      />
      <CustomFieldModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
