/**
 * Plural forms by the rules of the app's language (Intl.PluralRules): Dutch and English have "one"
 * and "other", Arabic also "zero", "two", "few" and "many". A form not given falls back to `other`.
 */
import { getLocale } from '../localization.js';
import { intlLocale } from './format.js';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/** The form of `forms` that goes with `count` in the app's language. */
export function plural(count: number, forms: PluralForms, locale: string = getLocale()): string {
  const category = new Intl.PluralRules(intlLocale(locale)).select(count);
  return forms[category] ?? forms.other;
}
