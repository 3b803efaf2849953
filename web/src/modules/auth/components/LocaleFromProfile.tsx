import { useEffect } from 'react';
import { useI18n } from '../../../i18n';
import { useMe } from '../hooks/use-me';

/** Adopts the language saved on the account when the user (or the saved language) changes. */
export function LocaleFromProfile() {
  const me = useMe();
  const { setLocale } = useI18n();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of user or of the saved language applies
  useEffect(() => {
    setLocale(me.locale);
  }, [me.id, me.locale]);
  return null;
}
