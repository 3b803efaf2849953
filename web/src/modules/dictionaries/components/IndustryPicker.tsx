import { TreeSelect, type TreeSelectProps, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../i18n';
import { useDictionary } from '../hooks/use-dictionaries';
import { industryMatches, industryTree } from '../utils/industry-tree';

type IndustryPickerProps = Omit<TreeSelectProps, 'treeData' | 'showSearch' | 'multiple'> & {
  /** Several industries (a filter, a policy's conditions) instead of one. */
  multiple?: boolean;
  /** A record that needs a 大类 or finer (a project): the 门类 are shown for context but cannot be chosen. */
  divisionsOnly?: boolean;
};

/**
 * The one industry picker (国民经济行业分类 GB/T 4754): a tree of every level the dictionary holds, searched by code, by
 * name at any level and by everyday words such as 物流; a match shows with its ancestors for context.
 */
export function IndustryPicker({ multiple = false, divisionsOnly = false, popupRender, ...select }: IndustryPickerProps) {
  const { t, locale } = useI18n();
  const dictionary = useDictionary('industry');
  const english = locale !== 'zh-CN';
  const treeData = useMemo(
    () => industryTree(dictionary.data ?? [], { english, divisionsOnly }),
    [dictionary.data, english, divisionsOnly],
  );
  return (
    <TreeSelect
      allowClear
      multiple={multiple}
      treeData={treeData}
      loading={dictionary.isPending}
      showSearch={{ filterTreeNode: (input, node) => industryMatches(input, node as unknown as { value: string; search: string }) }}
      placeholder={t('industry.searchPlaceholder')}
      popupMatchSelectWidth={360}
      popupRender={(menu) => (
        <>
          {popupRender ? popupRender(menu) : menu}
          {divisionsOnly && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', padding: '6px 12px 2px', fontSize: 12 }}
              data-testid="industry-division-hint"
            >
              {t('industry.divisionsOnlyHint')}
            </Typography.Text>
          )}
        </>
      )}
      {...select}
    />
  );
}
