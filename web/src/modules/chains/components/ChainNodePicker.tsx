import { Select } from 'antd';
import { CHAIN_SEGMENTS } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import type { ChainNode } from '../api/chains-api';
import { useChain } from '../hooks/use-chains';

type ChainNodePickerProps = {
  /** The district's chain map whose nodes are offered. */
  chainId: string;
  value?: string | null;
  onChange?: (id: string | null, node: ChainNode | null) => void;
  'data-testid'?: string;
};

/** Picks a node (环节) of one chain map, grouped 上游 / 中游 / 下游, gaps marked 缺链 — a lead's place on the map. */
export function ChainNodePicker({ chainId, value, onChange, 'data-testid': testId }: ChainNodePickerProps) {
  const { t } = useI18n();
  const chain = useChain(chainId);
  const nodes = chain.data?.nodes ?? [];
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={chain.isPending}
      value={value ?? undefined}
      placeholder={t('leadLinks.pickNode')}
      onChange={(id?: string) => onChange?.(id ?? null, nodes.find((n) => n.id === id) ?? null)}
      options={CHAIN_SEGMENTS.map((segment) => ({
        label: t(`chainSegment.${segment}`),
        title: t(`chainSegment.${segment}`),
        options: nodes
          .filter((n) => n.segment === segment)
          .map((n) => ({ value: n.id, label: n.gap ? `${n.name}（${t('chain.gap')}）` : n.name })),
      }))}
      data-testid={testId}
    />
  );
}
