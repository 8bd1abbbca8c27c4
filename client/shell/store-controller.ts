import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { storeContext } from './context.js';
import type { AppStore } from './store.js';

/**
 * Gets the store from context and asks its host to re-render whenever the store changes.
 * Use as `private readonly store = new StoreController(this)` and read `this.store.value`.
 */
export class StoreController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #consumer: ContextConsumer<typeof storeContext, ReactiveControllerHost & HTMLElement>;
  #subscribed: AppStore | null = null;
  readonly #onChange = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: storeContext });
    host.addController(this);
  }

  /** The store; present once the element is connected inside <nk-app>. */
  get value(): AppStore {
    const store = this.#consumer.value;
    if (store === undefined) throw new Error('No AppStore in context: render inside <nk-app>.');
    return store;
  }

  hostConnected(): void {
    this.#subscribe();
  }

  hostUpdate(): void {
    // The context arrives synchronously on connect; subscribe as soon as it is there.
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#subscribed?.removeEventListener('change', this.#onChange);
    this.#subscribed = null;
  }

  #subscribe(): void {
    const store = this.#consumer.value;
    if (store === undefined || store === this.#subscribed) return;
    this.#subscribed?.removeEventListener('change', this.#onChange);
    store.addEventListener('change', this.#onChange);
    this.#subscribed = store;
  }
}
