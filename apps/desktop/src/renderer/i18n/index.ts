import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@switchboard/shared';
import en from './locales/en.json';
import es from './locales/es.json';
import pt from './locales/pt.json';

/** Each language's strings, namespaced by screen (the top-level keys of each file are i18next namespaces). */
export const resources = { en, es, pt } as const satisfies Record<Locale, unknown>;
export const LOCALES = Object.keys(resources) as Locale[];
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
/** The key the last language chosen on this device is kept under, so the sign-in form speaks it too. */
const STORAGE_KEY = 'switchboard.locale';

// Screen readers and the browser's spell-checker read <html lang>; set before init, which picks the first language.
i18next.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined' && document.documentElement) document.documentElement.lang = lng;
});

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: Object.keys(en),
    defaultNS: 'common',
    supportedLngs: LOCALES,
    fallbackLng: 'en',
    // The strings are bundled: ready before the first render, no suspense.
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: STORAGE_KEY,
      caches: ['localStorage'],
      // "pt-BR" speaks "pt", "es-MX" speaks "es"; anything else falls back to English.
      convertDetectedLanguage: (lng: string) => lng.split('-')[0] ?? lng,
    },
  });

export const i18n = i18next;

/** The language the interface speaks now (always one of LOCALES). */
export const currentLocale = (): Locale => (isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'en');

/** Switches every mounted component to `locale` at once; no reload. */
export function applyLocale(locale: Locale): void {
  if (currentLocale() !== locale) void i18next.changeLanguage(locale);
}
