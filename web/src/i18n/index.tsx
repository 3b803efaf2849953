import { App as AntdApp, ConfigProvider } from 'antd';
import type { Locale as AntdLocale } from 'antd/es/locale';
import dayjs from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { LOCALES, type Locale, localeFromAcceptLanguage } from '../../../common/locale';
import { setRequestLocale } from '../lib/api-client';
import { useReducedMotion } from '../lib/reduced-motion';
import { CATALOGS, type CatalogName } from './catalogs';
import type { zhCN } from './zh-CN';

export type { CatalogName } from './catalogs';

/** Every UI string has a key in zh-CN.ts; en-US.ts must translate each one (the compiler checks). */
export type MessageKey = keyof typeof zhCN;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The interface text arrives in parts (catalogs.ts), each fetched once per language: before the first render the
 * frame's catalog with Ant Design's and dayjs's locale (`startI18n`, awaited by main.tsx), and each page's catalogs
 * in the same lazy load as the page (`loadCatalogs`, App.tsx), so no page renders before its text is in and no key
 * is ever shown in place of its text. Switching language fetches, in the new language, every catalog a page has
 * needed so far (`requested`), before the switch shows: a page opened earlier in the other language keeps its text.
 */
const texts: Record<Locale, Record<string, string>> = { 'zh-CN': {}, 'en-US': {} };
const antdLocales = new Map<Locale, AntdLocale>();
const ANTD_AND_DAYJS: Record<Locale, () => Promise<AntdLocale>> = {
  'zh-CN': async () => {
    const [antd] = await Promise.all([import('antd/es/locale/zh_CN'), import('dayjs/locale/zh-cn')]);
    return antd.default;
  },
  'en-US': async () => (await import('antd/es/locale/en_US')).default,
};
const dayjsLocales: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };
const STORAGE_KEY = 'lantu.locale';

/** Every catalog some page has needed: a language is complete when it has all of these. */
const requested = new Set<CatalogName>(['frame']);
/** The language on screen, and the one last asked for (the same but while a switch is fetching). */
const languages: { shown: Locale; wanted: Locale } = { shown: 'zh-CN', wanted: 'zh-CN' };

const fetches = new Map<string, Promise<void>>();
/** Runs a fetch once; a failed one (the network dropped) may be tried again later. */
function once(key: string, fetch: () => Promise<void>): Promise<void> {
  let promise = fetches.get(key);
  if (!promise) {
    promise = fetch();
    promise.catch(() => fetches.delete(key));
    fetches.set(key, promise);
  }
  return promise;
}

const loadCatalog = (locale: Locale, name: CatalogName) =>
  once(`${locale}/${name}`, async () => {
    Object.assign(texts[locale], await CATALOGS[name][locale]());
  });

/**
 * Fetches a language: Ant Design's and dayjs's locale and every catalog needed so far, including those a page asks
 * for while this runs (the set is read again until it stops growing).
 */
export async function loadLocale(locale: Locale): Promise<void> {
  let count: number;
  do {
    count = requested.size;
    await Promise.all([
      once(`${locale}/antd`, async () => {
        antdLocales.set(locale, await ANTD_AND_DAYJS[locale]());
      }),
      ...[...requested].map((name) => loadCatalog(locale, name)),
    ]);
  } while (requested.size !== count);
}

/**
 * A page's catalogs, fetched with the page (App.tsx's `page`): in the language on screen, which must arrive, and in
 * the one a switch is fetching meanwhile, which the switch itself also waits for.
 */
export async function loadCatalogs(names: readonly CatalogName[]): Promise<void> {
  for (const name of names) requested.add(name);
  const { shown, wanted } = languages;
  const switching = wanted === shown ? [] : names.map((name) => loadCatalog(wanted, name).catch(() => undefined));
  await Promise.all([...names.map((name) => loadCatalog(shown, name)), ...switching]);
}

/** A key's text as `t` would read it now, or undefined while its catalog is not in (for tests). */
export const loadedText = (locale: Locale, key: string): string | undefined => texts[locale][key];

function antdLocaleOf(locale: Locale): AntdLocale {
  const antd = antdLocales.get(locale);
  if (!antd) throw new Error(`the ${locale} language is used before loadLocale finished`);
  return antd;
}

/** Replaces `{name}` placeholders with the given values. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/**
 * A key whose catalog is not in: a page that does not name one of its catalogs (pages/catalogs.ts, which
 * web/src/i18n/catalogs.test.ts checks). Says so in the console and shows the key rather than breaking the page.
 */
function missing(key: string, locale: Locale): string {
  console.error(`message ${key} is not loaded in ${locale}: its catalog is missing from the page's PAGE_CATALOGS`);
  return key;
}

const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

let started = false;

/** Loads the language the page starts in (the frame's catalog); main.tsx renders once it is there. */
export async function startI18n(): Promise<void> {
  const locale = initialLocale();
  languages.shown = locale;
  languages.wanted = locale;
  await loadLocale(locale);
  started = true;
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
  const [locale, setLocaleState] = useState<Locale>(() => (started ? languages.shown : initialLocale()));
  // Set during render so the first request and the first date picker already use the chosen language.
  setRequestLocale(locale);
  dayjs.locale(dayjsLocales[locale]);

  // The language on screen; the one last asked for (`languages.wanted`) wins over a slower fetch of an earlier choice.
  languages.shown = locale;
  const setLocale = useCallback((next: Locale) => {
    languages.wanted = next;
    // Requests sent from now on (the saved preference, the refetches it triggers) already ask for the new language.
    setRequestLocale(next);
    loadLocale(next).then(
      () => {
        if (languages.wanted === next) setLocaleState(next);
      },
      () => {
        // Not fetched (offline): stay in the language shown, for requests too.
        if (languages.wanted !== next) return;
        languages.wanted = languages.shown;
        setRequestLocale(languages.shown);
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
    // Read at each call: a page's catalogs join the language's text when the page is fetched.
    const catalog = texts[locale];
    const t: Translate = (key, params) => formatMessage(catalog[key] ?? missing(key, locale), params);
    const tOptional = (key: string, fallback: string, params?: MessageParams) =>
      Object.hasOwn(catalog, key) ? formatMessage(catalog[key] ?? fallback, params) : fallback;
    return { locale, setLocale, t, tOptional };
  }, [locale, setLocale]);

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocaleOf(locale)} theme={{ token: { colorPrimary: '#1d4ed8', borderRadius: 6, motion: !reducedMotion } }}>
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
