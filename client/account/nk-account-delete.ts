import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { BusyController } from '../ui/busy.js';
import { describeError } from '../ui/errors.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { deleteEverything, planDeletion, type MapFate, type MapPlan } from './account-actions.js';
import { wrongPassphrase } from './nk-passphrase-change.js';

/** Deleting the account: first what happens to each map, then the current passphrase as proof. */
@customElement('nk-account-delete')
@localized()
export class NkAccountDelete extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form,
      section {
        max-width: 34rem;
      }

      section {
        margin: 1.25rem 0;
      }

      section h2 {
        font-size: 1.1rem;
        margin-bottom: 0.25rem;
      }

      ul {
        margin: 0.5rem 0 0;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @query('#current') private currentInput!: HTMLInputElement;

  @state() private plan: readonly MapPlan[] | null = null;
  @state() private planError = '';
  @state() private current = '';
  private readonly action = new BusyController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadPlan();
  }

  private async loadPlan(): Promise<void> {
    this.planError = '';
    try {
      this.plan = await planDeletion(this.store.value);
    } catch (error) {
      this.planError = describeError(error);
    }
  }

  override render() {
    return html`
      <h1 tabindex="-1">${msg('Account verwijderen', { id: 'delete.heading' })}</h1>
      <p class="lead">
        ${msg(
          'Je account en je sleutels worden gewist. Je kunt daarna niet meer inloggen. Dit kan niet terug.',
          { id: 'delete.lead' },
        )}
      </p>
      ${this.renderPlan()}
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="current"
            >${msg('Huidige wachtwoordzin', { id: 'account.currentPassphrase' })}</label
          >
          <input
            id="current"
            type="password"
            autocomplete="current-password"
            aria-describedby="current-hint"
            .value=${this.current}
            @input=${(event: Event) =>
              (this.current = event.target instanceof HTMLInputElement ? event.target.value : '')}
          />
          <p class="hint" id="current-hint">
            ${msg('Zo weten we zeker dat jij het bent.', { id: 'delete.currentHint' })}
          </p>
        </div>
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <p class="status" role="status">
          ${
            this.action.busy
              ? msg('Even geduld. We verwijderen je account.', { id: 'delete.busy' })
              : ''
          }
        </p>
        <div class="buttons">
          <button type="submit" class="danger" ?disabled=${this.action.busy || this.plan === null}>
            ${msg('Account verwijderen', { id: 'delete.submit' })}
          </button>
          <a href=${paths.account}>${msg('Terug', { id: 'account.back' })}</a>
        </div>
      </form>
    `;
  }

  private renderPlan() {
    if (this.planError !== '') return html`<p class="error" role="alert">${this.planError}</p>`;
    if (this.plan === null) {
      return html`<p class="status" role="status">
        ${msg('We kijken wat er met je kaarten gebeurt.', { id: 'delete.loading' })}
      </p>`;
    }
    const of = (fate: MapFate) => this.plan?.filter((map) => map.fate === fate) ?? [];
    const groups = [
      {
        fate: 'delete',
        heading: msg('Deze kaarten worden verwijderd', { id: 'delete.deleteHeading' }),
        text: msg(
          'Je bent de enige eigenaar. De kaart verdwijnt ook voor iedereen die meedoet. Wil je iets bewaren? Maak dan eerst een back-up.',
          { id: 'delete.deleteText' },
        ),
      },
      {
        fate: 'hand-over',
        heading: msg('Deze kaarten blijven bestaan', { id: 'delete.handOverHeading' }),
        text: msg('Er is nog een eigenaar. Die houdt de kaart. Jij staat er niet meer op.', {
          id: 'delete.handOverText',
        }),
      },
      {
        fate: 'leave',
        heading: msg('Op deze kaarten doe je niet meer mee', { id: 'delete.leaveHeading' }),
        text: msg('De kaart blijft van de eigenaar. Jouw plek en je kaartje verdwijnen.', {
          id: 'delete.leaveText',
        }),
      },
    ] as const;
    const shown = groups.filter((group) => of(group.fate).length > 0);
    if (shown.length === 0) {
      return html`<p data-testid="delete-no-maps">
        ${msg('Je hebt geen kaarten. Er gaat dus geen kaart verloren.', { id: 'delete.noMaps' })}
      </p>`;
    }
    return shown.map(
      (group) =>
        html`<section data-testid="delete-${group.fate}" aria-labelledby="h-${group.fate}">
          <h2 id="h-${group.fate}">${group.heading}</h2>
          <p>${group.text}</p>
          <ul>
            ${of(group.fate).map((map) => html`<li>${map.title}</li>`)}
          </ul>
        </section>`,
    );
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const plan = this.plan;
    if (this.action.busy || plan === null) return;
    this.action.clear();
    if (this.current === '') {
      this.action.fail(msg('Vul je huidige wachtwoordzin in.', { id: 'account.needCurrent' }));
      this.currentInput.focus();
      return;
    }
    const store = this.store.value;
    const ok = await this.action.run(
      () => deleteEverything(store, this.current, plan),
      (error) => {
        if (!wrongPassphrase(error)) return;
        this.action.fail(
          msg('Je huidige wachtwoordzin klopt niet.', { id: 'account.wrongCurrent' }),
        );
        this.currentInput.focus();
      },
    );
    if (!ok) return;
    this.current = '';
    store.router.navigate(paths.welcome);
    store.announce(msg('Je account is verwijderd.', { id: 'delete.done' }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-account-delete': NkAccountDelete;
  }
}
