import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useUserList } from '../../users/hooks/use-users';

type ActorSelectProps = { value?: string; onChange: (actorId: string | undefined) => void };

/** Picks the person who acted, searching users by name as one types. */
export function ActorSelect({ value, onChange }: ActorSelectProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const users = useUserList({ page: 1, pageSize: 20, q: q || undefined });
  return (
    <Select
      allowClear
      value={value}
      onChange={(id?: string) => onChange(id)}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      placeholder={t('audit.actor')}
      options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
      style={{ width: 200 }}
      data-testid="audit-actor-filter"
    />
  );
}
