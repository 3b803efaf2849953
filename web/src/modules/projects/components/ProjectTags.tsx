import { Space, Tag, Typography } from 'antd';
import { type Translate, useI18n } from '../../../i18n';
import type { Pool, ProjectNature } from '../../../lib/enums';
import { moneyParts } from '../../../../../common/domain/money';

const POOL_COLOURS: Record<Pool, string> = {
  planning: 'purple',
  advancing: 'blue',
  implementing: 'green',
  completed: 'cyan',
  withdrawn: 'default',
};

/** The pool a project is in, coloured the same everywhere. */
export function PoolTag({ pool }: { pool: Pool }) {
  const { t } = useI18n();
  return (
    <Tag color={POOL_COLOURS[pool]} data-testid="pool-tag" data-pool={pool}>
      {t(`pool.${pool}`)}
    </Tag>
  );
}

/** The project's nature in the year's list (新开工, 续建 …). */
export function NatureTag({ nature }: { nature: ProjectNature }) {
  const { t } = useI18n();
  return <Tag variant="outlined">{t(`nature.${nature}`)}</Tag>;
}

type LevelFlags = { isProvincialKey: boolean; isCityKey: boolean; isDistrictKey?: boolean; namedLists?: string[] };

/** 省级重点 / 市级重点 / 区级重点 and the named lists a project is on. */
export function LevelTags({ project }: { project: LevelFlags }) {
  const { t } = useI18n();
  return (
    <Space size={[0, 4]} wrap>
      {project.isProvincialKey && <Tag color="red">{t('level.provincial')}</Tag>}
      {project.isCityKey && <Tag color="orange">{t('level.city')}</Tag>}
      {project.isDistrictKey && <Tag color="gold">{t('level.district')}</Tag>}
      {project.namedLists?.map((name) => (
        <Tag key={name} color="geekblue">
          {name}
        </Tag>
      ))}
    </Space>
  );
}

/** An amount of money in words with its unit: 亿元 for large totals, else 万元. */
export function moneyText(t: Translate, yuan: number): string {
  const { value, unit } = moneyParts(yuan);
  return t('money.amount', { value, unit: t(`money.${unit}`) });
}

/** An amount of money with its unit: 亿元 for large totals, else 万元. */
export function Money({ yuan, strong }: { yuan: number | null | undefined; strong?: boolean }) {
  const { t } = useI18n();
  if (yuan === null || yuan === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <Typography.Text strong={strong}>{moneyText(t, yuan)}</Typography.Text>;
}
