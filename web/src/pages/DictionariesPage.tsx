import { Alert, Badge, Card, Flex, Tabs } from 'antd';
import { useState } from 'react';
import type { DictionaryType } from '../../../common/schemas/reference';
import { useI18n } from '../i18n';
import { DICTIONARY_TYPES } from '../lib/enums';
import { describeError } from '../lib/use-show-error';
import { DictionaryItemsPanel } from '../modules/dictionaries/components/DictionaryItemsPanel';
import { useDictionaryTypes } from '../modules/dictionaries/hooks/use-dictionaries';

/** 数据字典: one tab per dictionary (industries, project categories, problem categories …). */
export function DictionariesPage() {
  const { t } = useI18n();
  const types = useDictionaryTypes();
  const [active, setActive] = useState<DictionaryType>(DICTIONARY_TYPES[0] ?? 'industry');
  const counts = new Map((types.data ?? []).map((entry) => [entry.type, entry.count]));
  const shown = types.data ? types.data.map((entry) => entry.type) : DICTIONARY_TYPES;

  return (
    <Card title={t('nav.dictionaries')}>
      {types.error && <Alert type="error" showIcon title={describeError(types.error, t)} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={active}
        onChange={(key) => setActive(shown.find((type) => type === key) ?? active)}
        items={shown.map((type) => ({
          key: type,
          label: (
            <Flex gap={6} align="center" data-testid={`dictionary-tab-${type}`}>
              {t(`dictionaryType.${type}`)}
              {counts.has(type) && <Badge count={counts.get(type)} showZero color="#94a3b8" overflowCount={9999} />}
            </Flex>
          ),
        }))}
      />
      <DictionaryItemsPanel key={active} type={active} />
    </Card>
  );
}
