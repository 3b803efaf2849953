import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useMe } from '../modules/auth/hooks/use-me';
import { type RegionFormTarget, RegionFormModal } from '../modules/regions/components/RegionFormModal';
import { RegionTree } from '../modules/regions/components/RegionTree';

/** 行政区划: the user's region and everything below it, renamed and extended by the administrator. */
export function RegionsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [target, setTarget] = useState<RegionFormTarget | null>(null);
  return (
    <Card title={t('nav.regions')}>
      <Typography.Paragraph type="secondary">{t('region.intro')}</Typography.Paragraph>
      <RegionTree rootCode={me.region.code} onEdit={setTarget} />
      <RegionFormModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
