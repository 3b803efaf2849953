import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Grid, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { CHAIN_PLACEMENT_ROLES, type ChainPlacementRole } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { FormModal } from '../../../ui/FormModal';
import { useDictionaryOptions } from '../../projects/hooks/use-pickers';
import type { Chain, ChainNode } from '../api/chains-api';
import { usePlaceEnterprise, useRemoveNode, useUnplace } from '../hooks/use-chains';
import { EnterprisePicker } from '../../enterprises/components/EnterprisePicker';
import { NodeFormModal } from './NodeFormModal';

type NodeDrawerProps = {
  chain: Chain;
  node: ChainNode | null;
  onClose: () => void;
  /** More about the node below its enterprises: the page puts the leads on it here (招商线索, for readers of leads). */
  extra?: (node: ChainNode) => ReactNode;
};

type PlaceValues = { enterpriseId: string; role: ChainPlacementRole };

/** One node of a chain in a side drawer: gap or not, its local and target enterprises, and (for keepers) editing. */
export function NodeDrawer({ chain, node, onClose, extra }: NodeDrawerProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const wide = Grid.useBreakpoint().md === true;
  const [placing, setPlacing] = useState<ChainNode | null>(null);
  const [editing, setEditing] = useState<ChainNode | null>(null);
  const [form] = Form.useForm<PlaceValues>();
  const place = usePlaceEnterprise(chain.id);
  const unplace = useUnplace(chain.id);
  const removeNode = useRemoveNode(chain.id);
  const editable = chain.abilities.update === true;
  const { label: tagLabel } = useDictionaryOptions('enterprise_tag');

  const section = (role: ChainPlacementRole) => {
    const placed = node?.placements.filter((p) => p.role === role) ?? [];
    return (
      <Flex vertical gap={4} data-testid={`chain-node-${role}`}>
        <Typography.Text strong>
          {t(role === 'local' ? 'chain.localEnterprises' : 'chain.targetEnterprises', { count: placed.length })}
        </Typography.Text>
        {placed.length === 0 ? (
          <Typography.Text type="secondary">{t(role === 'local' ? 'chain.noLocal' : 'chain.noTarget')}</Typography.Text>
        ) : (
          <List
            size="small"
            bordered
            dataSource={placed}
            renderItem={(p) => (
              <List.Item
                actions={
                  editable
                    ? [
                        <Popconfirm
                          key="remove"
                          title={t('chain.unplaceConfirm', { name: p.enterpriseName })}
                          onConfirm={() => unplace.mutateAsync(p.id).catch((error: unknown) => showError(error))}
                        >
                          <Button type="link" size="small" danger aria-label={t('chain.unplace')} icon={<DeleteOutlined />} />
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Flex vertical>
                  <span>{p.enterpriseName}</span>
                  {p.tags.length > 0 && (
                    <Space size={[4, 4]} wrap>
                      {p.tags.map((tag) => (
                        <Tag key={tag}>{tagLabel(tag)}</Tag>
                      ))}
                    </Space>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Flex>
    );
  };

  return (
    <Drawer
      open={node !== null}
      onClose={onClose}
      size={wide ? 440 : '100%'}
      title={node ? `${t(`chainSegment.${node.segment}`)} · ${node.name}` : ''}
      extra={
        editable && node ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(node)} data-testid="chain-node-edit">
              {t('action.edit')}
            </Button>
            <Popconfirm
              title={t('chain.removeNodeConfirm', { name: node.name })}
              onConfirm={() =>
                removeNode
                  .mutateAsync(node.id)
                  .then(onClose)
                  .catch((error: unknown) => showError(error))
              }
            >
              <Button danger icon={<DeleteOutlined />} aria-label={t('chain.removeNode')} />
            </Popconfirm>
          </Space>
        ) : null
      }
      data-testid="chain-node-drawer"
    >
      {node && (
        <Flex vertical gap={16}>
          {node.gap ? (
            <Alert type="error" showIcon title={t('chain.gapExplained')} data-testid="chain-node-gap" />
          ) : (
            <Alert type="success" showIcon title={t('chain.coveredExplained', { count: node.localCount })} />
          )}
          {node.description && <Typography.Paragraph>{node.description}</Typography.Paragraph>}
          {section('local')}
          {section('target')}
          {editable && (
            <Button icon={<PlusOutlined />} onClick={() => setPlacing(node)} data-testid="chain-place">
              {t('chain.place')}
            </Button>
          )}
          {extra ? extra(node) : null}
          {!editable && node.placements.length === 0 && <Empty description={t('chain.nodeEmpty')} />}
        </Flex>
      )}
      <FormModal<PlaceValues, ChainNode>
        target={placing}
        form={form}
        title={t('chain.place')}
        onClose={() => setPlacing(null)}
        okTestId="chain-place-ok"
        onSubmit={async (values, target) => {
          await place.mutateAsync({ nodeId: target.id, body: { enterpriseId: values.enterpriseId, role: values.role } });
          message.success(t('chain.placed'));
        }}
      >
        <Form.Item name="enterpriseId" label={t('chain.enterprise')} rules={[{ required: true }]}>
          <EnterprisePicker
            detail="kind"
            data-testid="chain-enterprise-picker"
            exclude={placing?.placements.map((p) => p.enterpriseId) ?? []}
            onChange={(id, enterprise) => form.setFieldsValue({ enterpriseId: id ?? undefined, role: enterprise?.kind ?? 'target' })}
          />
        </Form.Item>
        <Form.Item name="role" label={t('chain.role')} rules={[{ required: true }]} initialValue="target">
          <Select
            options={CHAIN_PLACEMENT_ROLES.map((r) => ({ value: r, label: t(`chainPlacementRole.${r}`) }))}
            data-testid="chain-place-role"
          />
        </Form.Item>
      </FormModal>
      <NodeFormModal chainId={chain.id} target={editing} onClose={() => setEditing(null)} />
    </Drawer>
  );
}
