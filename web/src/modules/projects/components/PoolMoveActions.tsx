import { Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import type { GateCheck, Project } from '../api/projects-api';
import { useProjectAbilities } from '../hooks/use-project-abilities';
import { useProjectGates } from '../hooks/use-projects';
import { moveKind } from '../../../../../common/domain/pools';
import { moveLabel, orderGates } from '../utils/moves';
import { GateChecklistModal } from './GateChecklistModal';

/**
 * One button per move the user may make (移入推进库, 退回策划库, 退库 …), each opening the gate's checklist. A user who
 * may not move the project still sees what the next stage is waiting for, read-only.
 */
export function PoolMoveActions({ project }: { project: Project }) {
  const { t } = useI18n();
  const can = useProjectAbilities(project);
  const gates = useProjectGates(project.id);
  const [open, setOpen] = useState<{ gate: GateCheck; readOnly: boolean } | null>(null);
  const ordered = orderGates(gates.data ?? []);
  const permitted = ordered.filter((gate) => (moveKind(gate.from, gate.to) === 'back' ? can('moveBack') : can('move')));
  const nextStage = ordered.find((gate) => moveKind(gate.from, gate.to) === 'forward');
  return (
    <>
      <Space wrap>
        {permitted.map((gate) => {
          const kind = moveKind(gate.from, gate.to);
          return (
            <Button
              key={gate.to}
              type={kind === 'forward' ? 'primary' : 'default'}
              danger={kind === 'withdraw'}
              onClick={() => setOpen({ gate, readOnly: false })}
              data-testid={`move-${gate.to}`}
            >
              {t(moveLabel(gate.from, gate.to))}
            </Button>
          );
        })}
        {permitted.length === 0 && nextStage && (
          <Button onClick={() => setOpen({ gate: nextStage, readOnly: true })} data-testid="move-conditions">
            {t('move.conditions')}
          </Button>
        )}
      </Space>
      <GateChecklistModal project={project} gate={open?.gate ?? null} readOnly={open?.readOnly ?? false} onClose={() => setOpen(null)} />
    </>
  );
}
