import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { type CustomValue, customFieldLabel, formatCustomValue } from '../../../../../common/domain/custom-fields';
import { useI18n } from '../../../i18n';
import type { CustomField } from '../api/custom-fields-api';
import { useDistrictCustomFields } from './use-custom-fields';

const STORAGE_KEY = 'lantu.projects.customColumns';

function storedChoice(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Which custom fields the project list shows as columns, remembered on this browser. */
export function useCustomColumnChoice() {
  const [chosen, setChosen] = useState<string[]>(storedChoice);
  const choose = (keys: string[]) => {
    setChosen(keys);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
    } catch {
      // not remembered on this browser; the choice still holds until the page is left
    }
  };
  return { chosen, choose };
}

/** Table columns for the chosen custom fields, in the fields' display order, showing each value as a sheet would. */
export function useCustomColumns<T extends { customValues: Record<string, CustomValue> }>(chosen: string[]): ColumnsType<T> {
  const { locale } = useI18n();
  const fields = useDistrictCustomFields().data?.items ?? [];
  return fields
    .filter((field) => chosen.includes(field.key))
    .map((field: CustomField) => ({
      key: `custom:${field.key}`,
      title: customFieldLabel(field, locale),
      align: field.type === 'number' ? ('right' as const) : undefined,
      render: (_: unknown, row: T) => formatCustomValue(field, row.customValues[field.key]) || '—',
    }));
}
