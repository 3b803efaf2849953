import { Flex, Input, Select } from 'antd';
import { ENTERPRISE_KINDS, type EnterpriseKind } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { IndustryPicker } from '../../dictionaries/components/IndustryPicker';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import type { EnterpriseFilters as Filters } from '../api/enterprises-api';

const many = (values: string[]) => (values.length > 0 ? values : undefined);

/** Search by name, pinyin initials or USCC; filter by tag, industry and local or target. */
export function EnterpriseFilters({ value, onChange }: { value: Filters; onChange: (value: Filters) => void }) {
  const { t } = useI18n();
  const tags = useDictionaryOptions('enterprise_tag');
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('enterprise.searchPlaceholder')}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 260, maxWidth: '100%' }}
        data-testid="enterprise-search"
      />
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        maxTagCount="responsive"
        value={value.tag ?? []}
        onChange={(tag: string[]) => onChange({ ...value, tag: many(tag) })}
        placeholder={t('enterprise.tags')}
        options={tags.options}
        style={{ width: 220, maxWidth: '100%' }}
        data-testid="enterprise-tag-filter"
      />
      <IndustryPicker
        multiple
        maxTagCount="responsive"
        value={value.industryCode ?? []}
        onChange={(industryCode: string[]) => onChange({ ...value, industryCode: many(industryCode) })}
        placeholder={t('enterprise.industry')}
        popupMatchSelectWidth={360}
        style={{ width: 220, maxWidth: '100%' }}
        data-testid="enterprise-industry-filter"
      />
      <Select
        allowClear
        value={value.kind}
        onChange={(kind?: EnterpriseKind) => onChange({ ...value, kind })}
        placeholder={t('enterprise.kind')}
        options={ENTERPRISE_KINDS.map((kind) => ({ value: kind, label: t(`enterpriseKind.${kind}`) }))}
        style={{ width: 140 }}
        data-testid="enterprise-kind-filter"
      />
    </Flex>
  );
}
