import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setDayjsLocale } from '../lib/time';
import { enUS } from './en-US';
import { zhCN, type Messages } from './zh-CN';

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
const LANG_KEY = 'shuliu.lang';
const catalogues: Record<Lang, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  return saved === 'en-US' || saved === 'zh-CN' ? saved : 'zh-CN';
}

interface I18nValue {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  setDayjsLocale(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo(() => ({ lang, t: catalogues[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The message catalogue of the current language: `const t = useT(); t.login.title`. */
export function useT(): Messages {
  return useI18n().t;
}
