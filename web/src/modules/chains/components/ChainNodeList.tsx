import { Card, Flex, Tag, Typography } from 'antd';
import { CHAIN_SEGMENTS } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import type { ChainNode } from '../api/chains-api';
import { GAP_COLOUR } from '../utils/chain-graph';

/** The chain on a phone: each segment's nodes one under another, a gap in red with the word 缺链; a tap opens the node. */
export function ChainNodeList({ nodes, onNodeClick }: { nodes: ChainNode[]; onNodeClick: (node: ChainNode) => void }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={12} data-testid="chain-graph">
      {CHAIN_SEGMENTS.map((segment) => (
        <Flex key={segment} vertical gap={6}>
          <Typography.Text strong>{t(`chainSegment.${segment}`)}</Typography.Text>
          {nodes
            .filter((n) => n.segment === segment)
            .map((node) => (
              <Card
                key={node.id}
                size="small"
                hoverable
                onClick={() => onNodeClick(node)}
                style={node.gap ? { borderColor: GAP_COLOUR, borderStyle: 'dashed', background: '#fff1f0' } : { borderColor: '#1677ff' }}
                data-testid="chain-node-card"
              >
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong style={node.gap ? { color: GAP_COLOUR } : undefined}>
                    {node.name}
                  </Typography.Text>
                  <Flex gap={4} align="center">
                    {node.gap && <Tag color="error">{t('chain.gap')}</Tag>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('chain.counts', { local: node.localCount, target: node.targetCount })}
                    </Typography.Text>
                  </Flex>
                </Flex>
              </Card>
            ))}
        </Flex>
      ))}
    </Flex>
  );
}
