import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useCan, useMe } from '../../auth/hooks/use-me';
import { useUserList } from '../hooks/use-users';

type Person = { id: string; name: string };

type PersonPickerProps = Omit<SelectProps<string | string[]>, 'options' | 'loading'> & {
  /** Offer the active people of this unit (only to readers of users: the picker never widens what a role reads). */
  unitId?: string | null;
  /** People the record already names, shown by name whoever may read them. */
  named?: Person[];
  'data-testid'?: string;
};

/**
 * Picks people by name: those the record already names, the reader, and — for a reader of users — the active people
 * of the unit given. A person's id is never shown.
 */
export function PersonPicker({ unitId, named, ...props }: PersonPickerProps) {
  const me = useMe();
  const mayReadUsers = useCan()('user.read');
  const people = useUserList({ unitId: unitId ?? undefined, status: 'active', page: 1, pageSize: 200 }, mayReadUsers && !!unitId);
  const options = useMemo(() => {
    const seen = new Map<string, string>();
    const add = (id: string, label: string) => {
      if (!seen.has(id)) seen.set(id, label);
    };
    for (const person of named ?? []) add(person.id, person.name);
    add(me.id, me.displayName);
    for (const user of people.data?.items ?? []) add(user.id, user.displayName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [named, me, people.data]);
  return <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={people.isFetching} {...props} />;
}
