import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useCan, useMe } from '../../auth/hooks/use-me';
import { usePeopleOptions } from '../hooks/use-users';

type Person = { id: string; name: string };

type PersonPickerProps = Omit<SelectProps<string | string[]>, 'options' | 'loading'> & {
  /** Offer the active people of this unit of the reader's district (names only, GET /people-options). */
  unitId?: string | null;
  /** People the record already names, shown by name whoever may read them. */
  named?: Person[];
  'data-testid'?: string;
};

/**
 * Picks people by name: those the record already names, the reader, and the active people of the unit given — asked
 * of the names-only list, open to whoever keeps records naming colleagues (user.read, lead.manage, visit.manage). A
 * person's id is never shown.
 */
export function PersonPicker({ unitId, named, ...props }: PersonPickerProps) {
  const me = useMe();
  const can = useCan();
  const mayAsk = can('user.read') || can('lead.manage') || can('visit.manage');
  const people = usePeopleOptions(unitId ?? undefined, mayAsk);
  const options = useMemo(() => {
    const seen = new Map<string, string>();
    const add = (id: string, label: string) => {
      if (!seen.has(id)) seen.set(id, label);
    };
    for (const person of named ?? []) add(person.id, person.name);
    add(me.id, me.displayName);
    for (const person of people.data?.items ?? []) add(person.id, person.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [named, me, people.data]);
  return <Select showSearch={{ optionFilterProp: 'label' }} options={options} loading={people.isFetching} {...props} />;
}
