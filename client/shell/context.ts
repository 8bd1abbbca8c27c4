import { createContext } from '@lit/context';
import type { AppStore } from './store.js';

/** The app store, provided by <nk-app> to every screen. */
export const storeContext = createContext<AppStore>(Symbol('nk-store'));
