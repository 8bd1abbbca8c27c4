/** The app's screens and the paths that lead to them (History API, no hash). */
export type Route =
  | { readonly name: 'welcome' }
  | { readonly name: 'register' }
  | { readonly name: 'recovery' }
  | { readonly name: 'login' }
  | { readonly name: 'maps' }
  | { readonly name: 'map'; readonly mapId: string }
  | { readonly name: 'members'; readonly mapId: string }
  | { readonly name: 'join' }
  | {
      readonly name: 'print';
      readonly mapId: string;
      readonly sheet: PrintSheet;
      /** A stored version to print instead of the current map (a moment of the timeline). */
      readonly moment?: number;
    }
  | { readonly name: 'print-blank' }
  | { readonly name: 'restore' }
  | { readonly name: 'profile' }
  | { readonly name: 'together' }
  | { readonly name: 'recover' }
  | { readonly name: 'account' }
  | { readonly name: 'account-passphrase' }
  | { readonly name: 'account-delete' }
  | { readonly name: 'settings' }
  | { readonly name: 'account-helpers' }
  | { readonly name: 'helping' }
  | { readonly name: 'trusted-handover' }
  | { readonly name: 'not-found' };

/** The printable sheets of a map: the ring picture with the list (A4), a short handout (A5). */
export type PrintSheet = 'map' | 'handout';

export type RouteName = Route['name'];

const MAP_ID = /^[A-Za-z0-9_-]{22}$/;

/** Paths of the screens; Dutch, since a parent may see them in the address bar. */
export const paths = {
  welcome: '/',
  register: '/registreren',
  recovery: '/herstelcode',
  login: '/inloggen',
  maps: '/kaarten',
  map: (mapId: string): string => `/kaarten/${encodeURIComponent(mapId)}`,
  print: (mapId: string, sheet: PrintSheet, moment?: number): string =>
    `/kaarten/${encodeURIComponent(mapId)}/print/${sheet === 'map' ? 'kaart' : 'overzicht'}${
      moment === undefined ? '' : `/moment/${moment}`
    }`,
  /** "Wie doet mee?": invites, requests, members and cards of a map. */
  members: (mapId: string): string => `/kaarten/${encodeURIComponent(mapId)}/wie-doet-mee`,
  /** Opening an invite: the secret travels in the #fragment, never to the server. */
  join: '/doe-mee',
  /** The empty sheet; needs no account. */
  printBlank: '/print/leeg',
  /** A backup file back into a new map. */
  restore: '/kaarten/terugzetten',
  /** A professional's own entry in the list of professionals. */
  profile: '/mijn-profiel',
  /** "Samen aan tafel": a new map with a parent, on this device. */
  together: '/kaarten/samen',
  /** "Wachtwoordzin vergeten?": back in with the recovery code. */
  recover: '/wachtwoordzin-vergeten',
  /** The account menu, and its passphrase change and deletion. */
  account: '/account',
  accountPassphrase: '/account/wachtwoordzin',
  accountDelete: '/account/verwijderen',
  /** The account's own choices ("Ik werk als hulpverlener"). */
  settings: '/instellingen',
  /** Recovery through a person she trusts (decision 0026): her helpers, the helper's side, her new device. */
  accountHelpers: '/account/hulp',
  helping: '/iemand-helpen',
  trustedHandover: '/hulp-bij-inloggen',
} as const;

/** Turns a path into a route; unknown paths become `not-found`. */
export function parsePath(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  switch (path) {
    case paths.welcome:
      return { name: 'welcome' };
    case paths.register:
      return { name: 'register' };
    case paths.recovery:
      return { name: 'recovery' };
    case paths.login:
      return { name: 'login' };
    case paths.maps:
      return { name: 'maps' };
    case paths.printBlank:
      return { name: 'print-blank' };
    case paths.join:
      return { name: 'join' };
    case paths.restore:
      return { name: 'restore' };
    case paths.profile:
      return { name: 'profile' };
    case paths.together:
      return { name: 'together' };
    case paths.recover:
      return { name: 'recover' };
    case paths.account:
      return { name: 'account' };
    case paths.accountPassphrase:
      return { name: 'account-passphrase' };
    case paths.accountDelete:
      return { name: 'account-delete' };
    case paths.settings:
      return { name: 'settings' };
    case paths.accountHelpers:
      return { name: 'account-helpers' };
    case paths.helping:
      return { name: 'helping' };
    case paths.trustedHandover:
      return { name: 'trusted-handover' };
  }
  const members = /^\/kaarten\/([^/]+)\/wie-doet-mee$/.exec(path);
  if (members?.[1] !== undefined) {
    const mapId = safeDecode(members[1]);
    return mapId !== null && MAP_ID.test(mapId)
      ? { name: 'members', mapId }
      : { name: 'not-found' };
  }
  const match =
    /^\/kaarten\/([^/]+)(?:\/print\/(kaart|overzicht)(?:\/moment\/([1-9]\d{0,14}))?)?$/.exec(path);
  if (match?.[1] !== undefined) {
    const mapId = safeDecode(match[1]);
    if (mapId === null || !MAP_ID.test(mapId)) return { name: 'not-found' };
    if (match[2] === undefined) return { name: 'map', mapId };
    const sheet = match[2] === 'kaart' ? 'map' : 'handout';
    if (match[3] === undefined) return { name: 'print', mapId, sheet };
    return { name: 'print', mapId, sheet, moment: Number(match[3]) };
  }
  return { name: 'not-found' };
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * A small History API router. It fires `change` on navigation, and takes over clicks on
 * same-origin links anywhere in the page (also inside shadow roots) so they do not reload.
 */
export class Router extends EventTarget {
  #route: Route = parsePath(location.pathname);
  /** While set, the app stays on this path: no link, navigate() or back button leaves it (Samen aan tafel). */
  #lockedTo: string | null = null;

  /** The route shown now. */
  get route(): Route {
    return this.#route;
  }

  /** The path the app is held on, or null. */
  get locked(): string | null {
    return this.#lockedTo;
  }

  /**
   * Holds the app on `path` until unlock(): the back button lands on it again and every other
   * navigation is ignored. Fires `lock` (also on unlock), so the shell can hide its menu.
   */
  lock(path: string): void {
    this.#lockedTo = path;
    if (location.pathname !== path) this.navigate(path);
    // An entry to fall back on: the back button pops it and lands on the same path.
    history.pushState(null, '', path);
    this.dispatchEvent(new Event('lock'));
  }

  unlock(): void {
    if (this.#lockedTo === null) return;
    this.#lockedTo = null;
    this.dispatchEvent(new Event('lock'));
  }

  /** Starts listening to the back button and to link clicks. */
  start(): void {
    window.addEventListener('popstate', () => this.#onPopState());
    document.addEventListener('click', (event) => this.#onClick(event));
  }

  /** Goes to a path; `replace` swaps the current history entry instead of adding one. */
  navigate(path: string, options: { replace?: boolean } = {}): void {
    if (this.#lockedTo !== null && path !== this.#lockedTo) return;
    if (options.replace === true) history.replaceState(null, '', path);
    else if (path !== location.pathname) history.pushState(null, '', path);
    this.#set(parsePath(path));
  }

  #set(route: Route): void {
    this.#route = route;
    this.dispatchEvent(new Event('change'));
  }

  #onPopState(): void {
    const locked = this.#lockedTo;
    if (locked !== null) {
      // Back (or forward) while held: put the held path back on top and stay.
      history.pushState(null, '', locked);
      return;
    }
    this.#set(parsePath(location.pathname));
  }

  #onClick(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event
      .composedPath()
      .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (anchor === undefined || anchor.target !== '' || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    // A fragment on this page (the skip link) is the browser's job.
    if (url.hash !== '' && url.pathname === location.pathname) return;
    event.preventDefault();
    this.navigate(url.pathname);
  }
}
