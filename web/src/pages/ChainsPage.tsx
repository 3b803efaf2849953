import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Grid, Input, Select, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useAddressSearch } from '../lib/use-address-search';
import { useI18n } from '../i18n';
import { FormModal } from '../ui/FormModal';
import type { ChainNode } from '../modules/chains/api/chains-api';
import { NodeDrawer } from '../modules/chains/components/NodeDrawer';
import { NodeFormModal, type NodeTarget } from '../modules/chains/components/NodeFormModal';
import { useChain, useChains, useCreateChain } from '../modules/chains/hooks/use-chains';
import { GAP_COLOUR } from '../modules/chains/utils/chain-graph';
import { useDictionaryOptions } from '../modules/projects/hooks/use-pickers';
import { useCan } from '../modules/auth/hooks/use-me';
import { ChainNodeLeads } from '../modules/leads/components/ChainNodeLeads';

// ECharts is large: it loads with the first chain drawn, not with the page.
const ChainGraph = lazy(async () => ({ default: (await import('../modules/chains/components/ChainGraph')).ChainGraph }));

type ChainValues = { name: string; code?: string; description?: string };

/** 产业链图谱: a chain drawn as its segments and nodes, gaps marked, a node's enterprises in a drawer. */
export function ChainsPage() {
  const { t } = useI18n();
  const can = useCan();
  const narrow = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useAddressSearch();
  const chains = useChains();
  const chainId = search.get('chain') ?? chains.data?.items[0]?.id;
  const chain = useChain(chainId);
  const [openNodeId, setOpenNodeId] = useState<string | null>(null);
  const [nodeTarget, setNodeTarget] = useState<NodeTarget | null>(null);
  const [creating, setCreating] = useState<true | null>(null);
  const createChain = useCreateChain();
  const chainCodes = useDictionaryOptions('industry_chain');
  // The drawer shows the node as the chain now has it (after a placement, say).
  const openNode = chain.data?.nodes.find((n) => n.id === openNodeId) ?? null;
  const gaps = chain.data?.nodes.filter((n) => n.gap) ?? [];

  return (
    <Card
      title={t('nav.chains')}
      styles={{ body: { padding: 12 } }}
      extra={
        chains.data?.abilities.create ? (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="chain-create">
            {t('chain.create')}
          </Button>
        ) : null
      }
    >
      {chains.isPending ? (
        <Skeleton active />
      ) : !chains.data?.items.length ? (
        <Empty description={t('chain.none')} />
      ) : (
        <Flex vertical gap={12}>
          <Flex wrap gap={12} align="center" justify="space-between">
            <Select
              value={chainId}
              style={{ minWidth: 220, maxWidth: '100%' }}
              onChange={(id: string) => setSearch({ chain: id })}
              options={chains.data.items.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="chain-select"
            />
            {chain.data?.abilities.update && (
              <Button icon={<PlusOutlined />} onClick={() => setNodeTarget({ segment: 'midstream' })} data-testid="chain-add-node">
                {t('chain.addNode')}
              </Button>
            )}
          </Flex>
          {chain.data && (
            <>
              <Space size={[24, 8]} wrap data-testid="chain-counts">
                <Statistic title={t('chain.nodes')} value={chain.data.counts.nodes} />
                <Statistic title={t('chain.gaps')} value={chain.data.counts.gaps} valueStyle={{ color: GAP_COLOUR }} />
                <Statistic title={t('chain.localEnterpriseCount')} value={chain.data.counts.local} />
                <Statistic title={t('chain.targetEnterpriseCount')} value={chain.data.counts.target} />
              </Space>
              {chain.data.description && <Typography.Paragraph type="secondary">{chain.data.description}</Typography.Paragraph>}
              <Typography.Text type="secondary">{t('chain.legend')}</Typography.Text>
              {chain.data.nodes.length === 0 ? (
                <Empty description={t('chain.noNodes')} />
              ) : (
                <Suspense fallback={<Skeleton active />}>
                  <ChainGraph nodes={chain.data.nodes} narrow={narrow} onNodeClick={(node: ChainNode) => setOpenNodeId(node.id)} />
                </Suspense>
              )}
              {gaps.length > 0 && (
                <Flex wrap gap={8} align="center" data-testid="chain-gap-list">
                  <Typography.Text strong>{t('chain.gapList')}</Typography.Text>
                  {gaps.map((n) => (
                    <Tag key={n.id} color="error" style={{ cursor: 'pointer' }} onClick={() => setOpenNodeId(n.id)}>
                      {t(`chainSegment.${n.segment}`)} · {n.name}
                    </Tag>
                  ))}
                </Flex>
              )}
              <NodeDrawer
                chain={chain.data}
                node={openNode}
                onClose={() => setOpenNodeId(null)}
                extra={can('lead.read') ? (node) => <ChainNodeLeads nodeId={node.id} /> : undefined}
              />
              <NodeFormModal chainId={chain.data.id} target={nodeTarget} onClose={() => setNodeTarget(null)} />
            </>
          )}
        </Flex>
      )}
      <FormModal<ChainValues, true>
        target={creating}
        title={t('chain.create')}
        onClose={() => setCreating(null)}
        onSubmit={async (values) => {
          const created = await createChain.mutateAsync({
            name: values.name,
            code: values.code ?? null,
            description: values.description?.trim() ? values.description : null,
          });
          setSearch({ chain: created.id });
        }}
      >
        <Form.Item name="name" label={t('chain.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label={t('chain.code')}>
          <Select allowClear options={chainCodes.options} />
        </Form.Item>
        <Form.Item name="description" label={t('chain.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
