import { Form, Input } from 'antd';
import type { Region } from '../../../../../common/schemas/organisation';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import { useSaveRegion } from '../hooks/use-regions';

export type RegionFormTarget = { mode: 'rename'; region: Region } | { mode: 'create'; parent: Region };

type Values = { code?: string; name: string };

/** The start of a child's code: a street (9 digits) begins with its district's code, lower levels share a prefix. */
function codePrefix(parent: Region): string {
  if (parent.level === 'district') return parent.code;
  if (parent.level === 'city') return parent.code.slice(0, 4);
  if (parent.level === 'province') return parent.code.slice(0, 2);
  return parent.code;
}

type RegionFormModalProps = { target: RegionFormTarget | null; onClose: () => void };

/** Renames a region, or adds a child region under a parent. */
export function RegionFormModal({ target, onClose }: RegionFormModalProps) {
  const { t } = useI18n();
  const save = useSaveRegion();

  const title =
    target?.mode === 'rename'
      ? t('region.renameTitle', { name: target.region.name })
      : target
        ? t('region.addChildTitle', { name: target.parent.name })
        : '';

  return (
    <FormModal<Values, RegionFormTarget>
      target={target}
      title={title}
      startValues={(opened) => (opened.mode === 'rename' ? { name: opened.region.name } : { code: codePrefix(opened.parent), name: '' })}
      onSubmit={(values, opened) =>
        save.mutateAsync(
          opened.mode === 'rename'
            ? { mode: 'rename', code: opened.region.code, body: { name: values.name, version: opened.region.version } }
            : { mode: 'create', body: { code: values.code ?? '', name: values.name, parentCode: opened.parent.code } },
        )
      }
      onClose={onClose}
    >
      {target?.mode === 'create' && (
        <Form.Item
          name="code"
          label={t('region.code')}
          extra={t('region.codeHint')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: /^\d{6}(\d{3})?$/, message: t('region.codeFormat') },
          ]}
        >
          <Input inputMode="numeric" maxLength={9} data-testid="region-code" />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={t('region.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 64 }]}
      >
        <Input maxLength={64} data-testid="region-name" />
      </Form.Item>
    </FormModal>
  );
}
