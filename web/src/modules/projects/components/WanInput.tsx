import { InputNumber } from 'antd';
import type { Rule } from 'antd/es/form';
import { type Translate, useI18n } from '../../../i18n';
import { MAX_YUAN, wanToYuan } from '../../../../../common/domain/money';

type WanInputProps = {
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  'data-testid'?: string;
};

/** An amount typed in 万元, kept as decimal text (string mode) so that converting it to 元 is exact. */
export function WanInput({ value, onChange, disabled, 'data-testid': testId }: WanInputProps) {
  const { t } = useI18n();
  return (
    <InputNumber<string>
      stringMode
      min="0"
      step="1"
      value={value ?? null}
      onChange={(next) => onChange?.(next === null || next === '' ? null : String(next))}
      disabled={disabled}
      suffix={t('money.wan')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** The form rule for a 万元 field: a decimal number with at most four decimals, not negative, not absurdly large. */
export function wanRule(t: Translate): Rule {
  return {
    validator: async (_, value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') return;
      const yuan = wanToYuan(value);
      const decimals = value.split('.')[1]?.length ?? 0;
      if (yuan === null || Number.isNaN(yuan) || yuan < 0 || yuan > MAX_YUAN || decimals > 4) throw new Error(t('project.wanFormat'));
    },
  };
}
