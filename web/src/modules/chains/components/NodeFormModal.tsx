import { Form, Input, InputNumber, Select } from 'antd';
import { CHAIN_SEGMENTS, type ChainSegment } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../ui/FormModal';
import type { ChainNode } from '../api/chains-api';
import { useAddNode, useUpdateNode } from '../hooks/use-chains';

type NodeValues = { segment: ChainSegment; name: string; description?: string; position?: number };
/** A node to edit, or `{ segment }` for a new one in that segment. */
export type NodeTarget = ChainNode | { segment: ChainSegment };

/** Adds a node (环节) to a chain or edits one: segment, name, description, order in its segment. */
export function NodeFormModal({ chainId, target, onClose }: { chainId: string; target: NodeTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const add = useAddNode(chainId);
  const update = useUpdateNode(chainId);
  const editing = target && 'id' in target ? target : null;
  return (
    <FormModal<NodeValues, NodeTarget>
      target={target}
      title={editing ? t('chain.editNode') : t('chain.addNode')}
      startValues={(node) =>
        'id' in node
          ? { segment: node.segment, name: node.name, description: node.description ?? '', position: node.position }
          : { segment: node.segment }
      }
      onClose={onClose}
      okTestId="chain-node-ok"
      onSubmit={(values, node) => {
        const body = { ...values, description: values.description?.trim() ? values.description : null };
        return 'id' in node ? update.mutateAsync({ nodeId: node.id, body }) : add.mutateAsync(body);
      }}
    >
      <Form.Item name="segment" label={t('chain.segment')} rules={[{ required: true }]}>
        <Select options={CHAIN_SEGMENTS.map((s) => ({ value: s, label: t(`chainSegment.${s}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('chain.nodeName')} rules={[{ required: true, max: 100 }]}>
        <Input data-testid="chain-node-name" />
      </Form.Item>
      <Form.Item name="description" label={t('chain.description')} rules={[{ max: 1000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="position" label={t('chain.position')}>
        <InputNumber min={0} max={999} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
