import { Checkbox, Flex, Form, Tag } from 'antd';
import { GATE_CONDITIONS, type Transition } from '../../../../../common/domain/gates';
import { useI18n } from '../../../i18n';
import type { Pool } from '../../../lib/enums';
import type { GateConfigView } from '../api/gates-api';
import { isFixedCondition } from '../utils/gate-form';

/** The testid part of a move: `planning->advancing` → `planning-advancing`. */
export const moveTestId = (move: Transition) => move.replace('->', '-');

/** One forward move's gate: a checkbox for every condition; a fixed one stays ticked, with the reason. */
export function MoveConditionsField({ move, labels }: { move: Transition; labels: GateConfigView['conditionLabels'] }) {
  const { t } = useI18n();
  const [from, to] = move.split('->') as [Pool, Pool];
  const hasFixed = GATE_CONDITIONS.some((condition) => isFixedCondition(move, condition));
  return (
    <Form.Item
      name={['gates', move]}
      label={t('move.title', { from: t(`pool.${from}`), to: t(`pool.${to}`) })}
      extra={hasFixed ? t('gates.fixedNote') : undefined}
    >
      <Checkbox.Group data-testid={`gate-move-${moveTestId(move)}`}>
        <Flex vertical gap={6}>
          {GATE_CONDITIONS.map((condition) => {
            const fixed = isFixedCondition(move, condition);
            return (
              <Checkbox key={condition} value={condition} disabled={fixed} data-testid={`gate-option-${moveTestId(move)}-${condition}`}>
                {labels[condition]}
                {fixed && (
                  <Tag style={{ marginInlineStart: 8 }} data-testid="gate-fixed">
                    {t('gates.fixed')}
                  </Tag>
                )}
              </Checkbox>
            );
          })}
        </Flex>
      </Checkbox.Group>
    </Form.Item>
  );
}
