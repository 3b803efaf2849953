import { Col, Divider, Form, Row } from 'antd';
import { customFieldLabel } from '../../../../../common/domain/custom-fields';
import { useI18n } from '../../../i18n';
import { useCategoryCustomFields } from '../hooks/use-custom-fields';
import { CustomValueInput } from './CustomValueInput';

/**
 * 自定义字段: the district's custom fields for the category chosen in the form, one input per field by type. The
 * inputs are named `customValues.<key>`, the path the server names in its errors, so they land under the field.
 */
export function CustomFieldsFormSection({ regionCode }: { regionCode: string | undefined }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const categoryCode: string | null | undefined = Form.useWatch('categoryCode', form);
  const fields = useCategoryCustomFields(regionCode, categoryCode);
  if (fields.length === 0) return null;

  return (
    <div data-testid="project-custom-fields">
      <Divider titlePlacement="start">{t('customField.section')}</Divider>
      <Row gutter={16}>
        {fields.map((field) => (
          <Col xs={24} md={field.type === 'text' ? 24 : 12} key={field.key}>
            <Form.Item
              name={['customValues', field.key]}
              label={customFieldLabel(field, locale)}
              rules={field.required ? [{ required: true, message: t('validation.required') }] : []}
            >
              <CustomValueInput field={field} data-testid={`project-custom-${field.key}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </div>
  );
}
