// Entry of the page: pick the language, then start the app shell.
import { savedLocale, setLocale, sourceLocale } from './localization.js';
import './shell/nk-app.js';

const locale = savedLocale();
if (locale !== sourceLocale) {
  setLocale(locale).catch(() => {
    // Stay in Dutch when the translation cannot load.
  });
}
