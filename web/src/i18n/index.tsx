import { App as AntdApp, ConfigProvider } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { LOCALES, type Locale, localeFromAcceptLanguage } from '../../../common/locale';
import { setRequestLocale } from '../lib/api-client';
import { useReducedMotion } from '../lib/reduced-motion';
import type { zhCN } from './zh-CN';

/** Every UI string has a key in zh-CN.ts; en-US.ts must translate each one (the compiler checks). */
export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

type LocaleResources = { catalog: Record<MessageKey, string>; antd: AntdLocale };

/**
 * Each language's interface text, Ant Design locale and dayjs locale are fetched when that language is first used:
 * the first page carries neither language (each catalog is about 20 KB gzip), and the one chosen is loaded before
 * the page renders (`loadLocale` in main.tsx), so no key is ever shown in place of its text.
 */
const LOADERS: Record<Locale, () => Promise<LocaleResources>> = {
  'zh-CN': async () => {
    const [{ zhCN }, antd] = await Promise.all([import('./zh-CN'), import('antd/es/locale/zh_CN'), import('dayjs/locale/zh-cn')]);
    return { catalog: zhCN, antd: antd.default };
  },
  'en-US': async () => {
    const [{ enUS }, antd] = await Promise.all([import('./en-US'), import('antd/es/locale/en_US')]);
    return { catalog: enUS, antd: antd.default };
  },
};
const loaded = new Map<Locale, LocaleResources>();
const loading = new Map<Locale, Promise<LocaleResources>>();
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };
const STORAGE_KEY = 'lantu.locale';

/** Fetches a language's resources once; later calls answer the same promise. */
export function loadLocale(locale: Locale): Promise<LocaleResources> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = LOADERS[locale]().then((resources) => {
      loaded.set(locale, resources);
      return resources;
    });
    // A failed fetch (the network dropped) may be tried again on the next switch.
    promise.catch(() => loading.delete(locale));
    loading.set(locale, promise);
  }
  return promise;
}

function resourcesOf(locale: Locale): LocaleResources {
  const resources = loaded.get(locale);
  if (!resources) throw new Error(`the ${locale} catalog is used before loadLocale finished`);
  return resources;
}

/** Replaces `{name}` placeholders with the given values. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

let startLocale: Locale | null = null;

/** Loads the language the page starts in; main.tsx renders once it is there. */
export async function startI18n(): Promise<void> {
  const locale = initialLocale();
  await loadLocale(locale);
  startLocale = locale;
}

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
  const [locale, setLocaleState] = useState<Locale>(() => startLocale ?? initialLocale());
  // Set during render so the first request and the first date picker already use the chosen language.
  setRequestLocale(locale);
  dayjs.locale(dayjsLocales[locale]);

  // The language last asked for: a slower fetch of an earlier choice must not win over it.
  const wanted = useRef(locale);
  const shown = useRef(locale);
  shown.current = locale;
  const setLocale = useCallback((next: Locale) => {
    wanted.current = next;
    // Requests sent from now on (the saved preference, the refetches it triggers) already ask for the new language.
    setRequestLocale(next);
    loadLocale(next).then(
      () => {
        if (wanted.current === next) setLocaleState(next);
      },
      () => {
        // Not fetched (offline): stay in the language shown, for requests too.
        if (wanted.current === next) setRequestLocale(shown.current);
      },
    );
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted on this browser; the account preference still applies after sign-in
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const reducedMotion = useReducedMotion();

  const value = useMemo<I18nValue>(() => {
    const { catalog } = resourcesOf(locale);
    const t: Translate = (key, params) => formatMessage(catalog[key], params);
    const tOptional = (key: string, fallback: string, params?: MessageParams) =>
      Object.hasOwn(catalog, key) ? formatMessage(catalog[key as MessageKey], params) : fallback;
    return { locale, setLocale, t, tOptional };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={resourcesOf(locale).antd}
        theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6, motion: !reducedMotion } }}
      >
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
