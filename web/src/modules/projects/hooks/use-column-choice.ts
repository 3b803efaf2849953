import { useState } from 'react';

/** The list's columns a person may hide (the name always shows), in the table's order. */
export const OPTIONAL_PROJECT_COLUMNS = [
  'code',
  'warning',
  'pool',
  'nature',
  'totalInvestmentYuan',
  'leadUnitName',
  'leaders',
  'streetName',
  'plannedStart',
  'plannedCompletion',
] as const;
export type OptionalProjectColumn = (typeof OPTIONAL_PROJECT_COLUMNS)[number];

const STORAGE_KEY = 'lantu.projects.hiddenColumns';
/**
 * Hidden until chosen, so that the table fits a 1440 px screen with the menu open (the leaders' names carry their
 * titles): the project code (searchable, and on the project's page), street and planned start.
 */
const HIDDEN_BY_DEFAULT: OptionalProjectColumn[] = ['code', 'streetName', 'plannedStart'];

const isOptional = (key: unknown): key is OptionalProjectColumn =>
  typeof key === 'string' && (OPTIONAL_PROJECT_COLUMNS as readonly string[]).includes(key);

function storedHidden(): OptionalProjectColumn[] {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === null) return HIDDEN_BY_DEFAULT;
    const parsed: unknown = JSON.parse(saved);
    return Array.isArray(parsed) ? parsed.filter(isOptional) : HIDDEN_BY_DEFAULT;
  } catch {
    return HIDDEN_BY_DEFAULT;
  }
}

/** Which standard columns the project list hides, remembered on this browser. */
export function useProjectColumnChoice() {
  const [hidden, setHidden] = useState<OptionalProjectColumn[]>(storedHidden);
  const hide = (keys: OptionalProjectColumn[]) => {
    setHidden(keys);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(keys));
    } catch {
      // not remembered on this browser; the choice still holds until the page is left
    }
  };
  return { hidden, hide };
}
