// The current language: chosen in the header, kept in localStorage, mirrored on <html lang> (screen
// readers and the tRPC client's x-trialdesk-lang header both read it from there) and in a cookie, which the
// server reads to write the overview's headline into the page's HTML in the same language (issue 17).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isLang, translator, type Catalogue, type Lang, type Translate } from './catalogue';
import {
  formatCalendarDate,
  formatDecimal,
  formatCalendarMonth,
  formatNumber,
  formatPercent,
  formatTimestamp,
} from './format';

const STORAGE_KEY = 'trialdesk.lang';
/** Read by the server (apps/server/src/overview-headline.ts); a preference, not a secret. */
const LANG_COOKIE = 'trialdesk_lang';

function mirrorLang(lang: Lang) {
  document.documentElement.lang = lang;
  document.cookie = `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState | null>(null);

function initialLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage may be unavailable (privacy mode); fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    mirrorLang(lang);
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    mirrorLang(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang needs <I18nProvider>');
  return state;
}

/** A translate function for one catalogue in the current language. */
export function useT<K extends string>(catalogue: Catalogue<K>): Translate<K> {
  const { lang } = useLang();
  return useMemo(() => translator(catalogue, lang), [catalogue, lang]);
}

interface Formatters {
  date: (iso: string | null | undefined, style?: 'medium' | 'numeric') => string;
  month: (month: string) => string;
  timestamp: (iso: string) => string;
  number: (value: number, maximumFractionDigits?: number) => string;
  decimal: (value: number, digits: number) => string;
  percent: (fraction: number, maximumFractionDigits?: number) => string;
}

/** Date and number formatting in the current language; a missing date shows as an en dash. */
export function useFormat(): Formatters {
  const { lang } = useLang();
  return useMemo(
    () => ({
      date: (iso, style) => (iso ? formatCalendarDate(iso, lang, style) : '–'),
      month: (month) => formatCalendarMonth(month, lang),
      timestamp: (iso) => formatTimestamp(iso, lang),
      number: (value, digits) => formatNumber(value, lang, digits),
      decimal: (value, digits) => formatDecimal(value, lang, digits),
      percent: (fraction, digits) => formatPercent(fraction, lang, digits),
    }),
    [lang],
  );
}
