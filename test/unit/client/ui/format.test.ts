// Dates, times and plural forms in the app's language (Intl with the app locale), never with seconds.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatTime,
  intlLocale,
} from '../../../../client/ui/format.js';
import { plural } from '../../../../client/ui/plural.js';

// 8 December 2026, 23:47:24 local time: the seconds must not show.
const AT = new Date(2026, 11, 8, 23, 47, 24);
/** Seconds in any digits: ":24" in Latin or ":٢٤" in Arabic-Indic digits after the minutes. */
const SECONDS = /[:٫.][0-9٠-٩]{2}[:٫.][0-9٠-٩]{2}/;

describe('dates and times', () => {
  it('writes Dutch, English and Arabic by the app language, without seconds', () => {
    const nl = formatDateTime(AT, 'nl');
    const en = formatDateTime(AT, 'en');
    const ar = formatDateTime(AT, 'ar');
    expect(nl).toMatch(/8 dec\.? 2026/);
    expect(nl).toContain('23:47');
    expect(en).toMatch(/Dec 8, 2026/);
    expect(en).toMatch(/11:47\s?PM/);
    // Arabic: its own order and the Arabic evening mark (م), not the Dutch or English form.
    expect(ar).toMatch(/11:47 م|١١:٤٧ م/);
    expect(ar).not.toBe(nl);
    expect(formatDate(AT, 'long', 'ar')).toContain('ديسمبر');
    for (const text of [nl, en, ar]) {
      expect(text, text).not.toMatch(SECONDS);
      expect(text, text).not.toMatch(/24/);
      expect(text).not.toMatch(/٢٤/);
    }
    expect(formatTime(AT, 'nl')).toBe('23:47');
    expect(formatDate(AT, 'long', 'nl')).toBe('8 december 2026');
    expect(formatDate(AT, 'long', 'en')).toBe('December 8, 2026');
  });

  it('reads Dutch as nl-NL, not as the browser’s language', () => {
    expect(intlLocale('nl')).toBe('nl-NL');
    expect(intlLocale('ar')).toBe('ar');
    // The old way (toLocaleString of the browser's locale) showed seconds: the test above would catch it.
    expect(AT.toLocaleString('en-US')).toMatch(SECONDS);
  });
});

describe('plural', () => {
  const forms = { one: 'één', two: 'twee', few: 'enkele', many: 'veel', other: 'meer' };
  it('picks the form by the language’s own rules', () => {
    expect(plural(1, forms, 'nl')).toBe('één');
    expect(plural(0, forms, 'nl')).toBe('meer');
    expect(plural(2, forms, 'nl')).toBe('meer');
    expect(plural(1, forms, 'en')).toBe('één');
    expect(plural(5, forms, 'en')).toBe('meer');
    // Arabic has six categories; a form not given falls back to "other".
    expect(plural(2, forms, 'ar')).toBe('twee');
    expect(plural(3, forms, 'ar')).toBe('enkele');
    expect(plural(11, forms, 'ar')).toBe('veel');
    expect(plural(0, forms, 'ar')).toBe('meer');
    expect(plural(100, forms, 'ar')).toBe('meer');
  });

  it('says "1 van hen hoort", never "1 van hen horen"', () => {
    const own = (n: number) =>
      plural(
        n,
        {
          one: '1 van hen hoort bij je eigen kring.',
          other: `${n} van hen horen bij je eigen kring.`,
        },
        'nl',
      );
    expect(own(1)).toBe('1 van hen hoort bij je eigen kring.');
    expect(own(3)).toBe('3 van hen horen bij je eigen kring.');
  });
});
