import { App as AntdApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { LOCALES, type Locale, localeFromAcceptLanguage } from '../../../common/locale';
import { setRequestLocale } from '../lib/api-client';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

/** Every UI string has a key in zh-CN.ts; en-US.ts must translate each one (the compiler checks). */
export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };
const antdLocales = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd } as const;
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };
const STORAGE_KEY = 'lantu.locale';

/** Replaces `{name}` placeholders with the given values. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Before sign-in: the language chosen on this browser, else the browser's own preference. */
function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser language
  }
  return localeFromAcceptLanguage(navigator.languages?.join(',') ?? navigator.language);
}

type I18nValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** Translates a key built at run time (audit actions, server codes), falling back to the raw text. */
  tOptional: (key: string, fallback: string, params?: MessageParams) => string;
};

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the interface language and gives antd, dayjs and the API client the same one. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // Set during render so the first request and the first date picker already use the chosen language.
  setRequestLocale(locale);
  dayjs.locale(dayjsLocales[locale]);

  const setLocale = useCallback((next: Locale) => {
    setRequestLocale(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted on this browser; the account preference still applies after sign-in
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(() => {
    const catalog = catalogs[locale];
    const t: Translate = (key, params) => formatMessage(catalog[key], params);
    const tOptional = (key: string, fallback: string, params?: MessageParams) =>
      isMessageKey(key) ? formatMessage(catalog[key], params) : fallback;
    return { locale, setLocale, t, tOptional };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6 } }}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

/** The current language and the translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}
