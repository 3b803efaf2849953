import type { EnumLabels, EnumMessageKey } from './index';

/**
 * One language's labels as message keys (`pool.advancing` …), for the web's catalogs to spread in. Each catalog
 * passes its own language's labels, so the page loads the other language's only when the reader switches.
 */
export function messagesOfLabels(labels: EnumLabels): Record<EnumMessageKey, string> {
  const entries = Object.entries(labels).flatMap(([name, values]) =>
    Object.entries(values as Record<string, string>).map(([value, label]) => [`${name}.${value}`, label] as const),
  );
  return Object.fromEntries(entries) as Record<EnumMessageKey, string>;
}
