import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { DictionaryItem, DictionaryType } from '../../../../../common/schemas/reference';
import { useI18n } from '../../../i18n';
import { FIRST_PAGE, type Paging } from '../../../lib/list';
import { useShowError } from '../../../lib/use-show-error';
import { PagedTable } from '../../../ui/PagedTable';
import { dropEmptyActions } from '../../../ui/action-column';
import { useDictionaryItems, useSaveDictionaryItem } from '../hooks/use-dictionaries';
import { DictionaryItemModal, type DictionaryItemTarget } from './DictionaryItemModal';

/** One dictionary's items: search, filter by enabled, add, edit, enable and disable. */
export function DictionaryItemsPanel({ type }: { type: DictionaryType }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [q, setQ] = useState<string | undefined>();
  const [enabled, setEnabled] = useState<'true' | 'false' | undefined>();
  const [paging, setPaging] = useState<Paging>(FIRST_PAGE);
  const [target, setTarget] = useState<DictionaryItemTarget | null>(null);
  const list = useDictionaryItems(type, { ...paging, q, enabled });
  const save = useSaveDictionaryItem();

  const toggle = (item: DictionaryItem) =>
    save.mutate(
      { type, id: item.id, body: { enabled: !item.enabled, version: item.version } },
      { onSuccess: () => message.success(t('common.saved')), onError: (error) => showError(error) },
    );

  const columns: ColumnsType<DictionaryItem> = [
    { title: t('dictionary.code'), dataIndex: 'code', sorter: true },
    { title: t('dictionary.name'), dataIndex: 'name', sorter: true },
    { title: t('dictionary.nameEn'), dataIndex: 'nameEn', responsive: ['md'] },
    { title: t('dictionary.parentCode'), dataIndex: 'parentCode', responsive: ['md'], render: (code: string | null) => code ?? '—' },
    {
      title: t('dictionary.enabled'),
      dataIndex: 'enabled',
      render: (on: boolean) => <Tag color={on ? 'green' : 'default'}>{on ? t('dictionary.on') : t('dictionary.off')}</Tag>,
    },
    {
      title: t('dictionary.sortOrder'),
      dataIndex: 'sortOrder',
      sorter: true,
      responsive: ['lg'],
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, item) =>
        item.abilities.update && (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', item })} data-testid={`dictionary-edit-${item.code}`}>
              {t('action.edit')}
            </Button>
            <Button
              type="link"
              size="small"
              danger={item.enabled}
              onClick={() => toggle(item)}
              data-testid={`dictionary-toggle-${item.code}`}
            >
              {item.enabled ? t('action.disable') : t('action.enable')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={8} wrap>
          <Input.Search
            allowClear
            placeholder={t('dictionary.searchPlaceholder')}
            onSearch={(value) => {
              setQ(value.trim() || undefined);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            style={{ maxWidth: 240 }}
            data-testid="dictionary-search"
          />
          <Select
            allowClear
            value={enabled}
            placeholder={t('dictionary.enabled')}
            onChange={(value?: 'true' | 'false') => {
              setEnabled(value);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'true', label: t('dictionary.on') },
              { value: 'false', label: t('dictionary.off') },
            ]}
            style={{ width: 120 }}
          />
        </Flex>
        {list.data?.abilities?.create && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="dictionary-create">
            {t('action.create')}
          </Button>
        )}
      </Flex>
      <PagedTable<DictionaryItem>
        columns={dropEmptyActions(columns, list.data?.items ?? [], (item) => item.abilities.update === true)}
        page={list.data}
        loading={list.isFetching}
        sort={paging.sort}
        onPagingChange={setPaging}
        data-testid="dictionary-table"
      />
      <DictionaryItemModal type={type} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
