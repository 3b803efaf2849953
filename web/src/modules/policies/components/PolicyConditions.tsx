import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import { useRegionFullNames, useRegionNames } from '../../regions/hooks/use-regions';
import type { Policy } from '../api/policies-api';

/** A policy's conditions in words: local only, tags, industries, sizes, regions (each "any of"); none: every enterprise. */
export function PolicyConditions({ conditions }: { conditions: Policy['conditions'] }) {
  const { t } = useI18n();
  const tags = useDictionaryOptions('enterprise_tag');
  const industries = useDictionaryOptions('industry');
  const regions = useRegionNames(conditions.regionCodes);
  // A region outside the reader's jurisdiction (a province, another city) is named in full.
  const fullNames = useRegionFullNames(conditions.regionCodes.filter((code) => !regions.has(code)));
  const parts = [
    ...(conditions.localOnly ? [t('policy.localOnly')] : []),
    ...conditions.tags.map((code) => tags.label(code)),
    ...conditions.industryCodes.map((code) => industries.label(code)),
    ...conditions.sizes.map((size) => t(`enterpriseSize.${size}`)),
    ...conditions.regionCodes.map((code) => t('policy.regionCondition', { name: regions.get(code) ?? fullNames.get(code) ?? '…' })),
  ];
  if (parts.length === 0) return <Typography.Text type="secondary">{t('policy.noConditions')}</Typography.Text>;
  return (
    <Flex wrap gap={4} data-testid="policy-conditions">
      {parts.map((part) => (
        <Tag key={part} style={{ marginInlineEnd: 0 }}>
          {part}
        </Tag>
      ))}
    </Flex>
  );
}
