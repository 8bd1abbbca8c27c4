// Entry of the page: pick the language, then start the app shell.
import { savedLocale, setLocale, sourceLocale } from './localization.js';
import { forgetOldLocalState } from './shell/forget-local-state.js';
import './shell/nk-app.js';
import { registerServiceWorker } from './offline/register.js';

forgetOldLocalState();
registerServiceWorker();

const locale = savedLocale();
if (locale !== sourceLocale) {
  setLocale(locale).catch(() => {
    // Stay in Dutch when the translation cannot load.
  });
}
