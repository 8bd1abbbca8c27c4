/**
 * @lit/localize in runtime mode. Dutch is the source language (the strings in `msg()`); every
 * other language is a hand-written module in `locales/`, loaded only when chosen.
 *
 * Adding a language = adding its file in `locales/` and one line in TRANSLATIONS below.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';

interface Translation {
  /** The language's name in that language, for the picker. */
  readonly name: string;
  /** Writing direction; `rtl` mirrors the whole layout. */
  readonly dir: 'ltr' | 'rtl';
  readonly load: () => Promise<LocaleModule>;
}

const TRANSLATIONS = {
  en: { name: 'English', dir: 'ltr', load: () => import('./locales/en.js') },
  ar: { name: 'العربية', dir: 'rtl', load: () => import('./locales/ar.js') },
} as const satisfies Record<string, Translation>;

export const sourceLocale = 'nl';
export type TargetLocale = keyof typeof TRANSLATIONS;
export type Locale = typeof sourceLocale | TargetLocale;

function isTargetLocale(value: unknown): value is TargetLocale {
  return typeof value === 'string' && Object.hasOwn(TRANSLATIONS, value);
}

export const targetLocales: readonly TargetLocale[] =
  Object.keys(TRANSLATIONS).filter(isTargetLocale);

/** Every language, the source first. */
export const allLocales: readonly Locale[] = [sourceLocale, ...targetLocales];

/** The name of a language in that language. */
export function localeName(locale: Locale): string {
  return locale === sourceLocale ? 'Nederlands' : TRANSLATIONS[locale].name;
}

/** The language choice in localStorage; a logout keeps it, so the login screen stays readable. */
export const LOCALE_STORAGE_KEY = 'nk-locale';
const STORAGE_KEY = LOCALE_STORAGE_KEY;

const { getLocale, setLocale: setLitLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale): Promise<LocaleModule> =>
    isTargetLocale(locale)
      ? TRANSLATIONS[locale].load()
      : Promise.reject(new Error(`No translations for ${locale}`)),
});

export { getLocale };

export function isLocale(value: unknown): value is Locale {
  return value === sourceLocale || isTargetLocale(value);
}

/** Writing direction of a language. */
export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === sourceLocale ? 'ltr' : TRANSLATIONS[locale].dir;
}

/** Switches the language, sets `lang` and `dir` on <html>, and remembers the choice. */
export async function setLocale(locale: Locale): Promise<void> {
  const root = document.documentElement;
  const before = { lang: root.lang, dir: root.dir };
  // The direction is set first, so screens re-rendering in the new language already see it.
  root.lang = locale;
  root.dir = localeDirection(locale);
  try {
    await setLitLocale(locale);
  } catch (error) {
    root.lang = before.lang;
    root.dir = before.dir;
    throw error;
  }
  try {
    // Only the language choice is stored; it says nothing about the family.
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be blocked; the choice then lasts for this page only.
  }
}

/** The language chosen earlier on this device, or Dutch. */
export function savedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Fall through to the default.
  }
  return sourceLocale;
}
