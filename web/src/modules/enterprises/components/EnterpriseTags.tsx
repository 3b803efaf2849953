import { Flex, Tag } from 'antd';
import { useI18n } from '../../../i18n';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import type { Enterprise } from '../api/enterprises-api';

/** An enterprise's kind and tags, 拟上市 with its listing stage (拟上市 · 辅导备案). */
export function EnterpriseTags({ enterprise, showKind = true }: { enterprise: Enterprise; showKind?: boolean }) {
  const { t } = useI18n();
  const tags = useDictionaryOptions('enterprise_tag');
  return (
    <Flex wrap gap={4} data-testid={`enterprise-tags-${enterprise.id}`}>
      {showKind && <Tag color={enterprise.kind === 'local' ? 'blue' : 'purple'}>{t(`enterpriseKind.${enterprise.kind}`)}</Tag>}
      {enterprise.tags.map((code) => (
        <Tag key={code} color={code === 'pre_listing' ? 'gold' : undefined} style={{ marginInlineEnd: 0 }}>
          {tags.label(code)}
          {code === 'pre_listing' && enterprise.listingStage ? ` · ${t(`listingStage.${enterprise.listingStage}`)}` : ''}
        </Tag>
      ))}
    </Flex>
  );
}
