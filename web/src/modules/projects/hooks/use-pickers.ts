import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LeaderOption } from '../../../../../common/schemas/projects';
import type { DictionaryItem, DictionaryType } from '../../../../../common/schemas/reference';
import { useDictionary } from '../../dictionaries/hooks/use-dictionaries';
import { useI18n } from '../../../i18n';
import { api } from '../../../lib/api-client';
import { useMe } from '../../auth/hooks/use-me';
import { useRegionChildren } from '../../regions/hooks/use-regions';

export type PickerOption = { value: string; label: string };
type LeaderOptionList = { items: LeaderOption[] };

/** A dictionary as picker options and a code → name lookup in the current language. */
export function useDictionaryOptions(type: DictionaryType) {
  const { locale } = useI18n();
  const query = useDictionary(type);
  return useMemo(() => {
    const items = query.data ?? [];
    const nameOf = (item: DictionaryItem) => (locale === 'zh-CN' ? item.name : item.nameEn || item.name);
    const names = new Map(items.map((item) => [item.code, nameOf(item)]));
    const options: (PickerOption & { parentCode: string | null })[] = items
      .filter((item) => item.enabled)
      .map((item) => ({ value: item.code, label: nameOf(item), parentCode: item.parentCode }));
    const label = (code: string | null | undefined) => (code ? (names.get(code) ?? code) : '—');
    return { options, label, loading: query.isPending };
  }, [query.data, query.isPending, locale]);
}

/** The district leaders who can be put in charge of a project (anyone who reads projects may pick them). */
export function useLeaders() {
  const query = useQuery({
    queryKey: ['project-leader-options'],
    queryFn: ({ signal }) => api.get<LeaderOptionList>('/project-leader-options', undefined, { signal }),
    staleTime: 5 * 60_000,
  });
  const options = useMemo<PickerOption[]>(() => (query.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })), [query.data]);
  return { options, loading: query.isPending };
}

/** The streets and towns of the user's district (a street's own user sees its district's siblings too). */
export function useStreets() {
  const me = useMe();
  const districtCode = me.region.code.slice(0, 6);
  const query = useRegionChildren(districtCode);
  return useMemo(() => {
    const regions = query.data ?? [];
    return { options: regions.map((r) => ({ value: r.code, label: r.name })), loading: query.isPending };
  }, [query.data, query.isPending]);
}
