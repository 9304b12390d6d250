import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AppError } from '../../shared/domain/result';
import { formatDateBE } from '../../shared/domain/dates';
import { catalog, type Language, type Messages } from './catalog';

/** What components get from {@link useI18n}. */
export interface I18n {
  lang: Language;
  t: Messages;
  /** The message of an error from main, in the UI language. */
  errorText: (error: AppError) => string;
  /** A date a person reads, in the Buddhist Era, with the time (and its seconds) when asked. */
  date: (iso: string, withTime?: boolean, withSeconds?: boolean) => string;
}

function makeI18n(lang: Language): I18n {
  return {
    lang,
    t: catalog[lang],
    errorText: (error) => (lang === 'th' ? error.messageTh : error.messageEn),
    date: (iso, withTime = false, withSeconds = false) => formatDateBE(iso, lang, withTime, withSeconds),
  };
}

const I18nContext = createContext<I18n>(makeI18n('th'));

/** Provides the catalogue of `lang` to everything below. */
export function I18nProvider({ lang, children }: { lang: Language; children: ReactNode }) {
  const value = useMemo(() => makeI18n(lang), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's catalogue and formatters. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
