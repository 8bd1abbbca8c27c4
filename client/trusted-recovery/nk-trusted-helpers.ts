import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { TrustedOverview } from '../../shared/api/trusted-recovery.js';
import * as trusted from '../api/trusted-recovery.js';
import { ApiError } from '../api/transport.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { codeStyles } from './code-styles.js';

type Candidate = { username: string; signPublicKey: string; boxPublicKey: string; code: string };

/** Under /account: choose or remove one or two people who can help her back in (decision 0026). */
@customElement('nk-trusted-helpers')
@localized()
export class NkTrustedHelpers extends LitElement {
  static override styles = [
    sharedStyles,
    codeStyles,
    css`
      form,
      ul {
        max-width: 36rem;
      }
      ul {
        list-style: none;
        padding: 0;
      }
    `,
  ];

  private readonly store = new StoreController(this);
  private readonly action = new BusyController(this);
  @state() private overview: TrustedOverview | null = null;
  @state() private username = '';
  @state() private waitDays: 3 | 7 = 7;
  /** The person looked up, whose code she compares before anything is sealed. */
  @state() private candidate: Candidate | null = null;
  @state() private done = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    await this.action.run(async () => {
      this.overview = await trusted.overview(this.store.value.api);
    });
  }

  override render() {
    const helpers = this.overview?.helpers ?? [];
    return html`
      <a class="back" href=${paths.account}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Mijn account', { id: 'account.heading' })}</a
      >
      <h1 tabindex="-1">${msg('Hulp om weer binnen te komen', { id: 'trusted.heading' })}</h1>
      <p class="lead">
        ${msg(
          'Kom je er zelf niet meer in? Dan kan iemand die je vertrouwt je helpen. Kies één of twee mensen met een account.',
          { id: 'trusted.lead' },
        )}
      </p>
      <p>
        ${msg(
          'Die persoon ziet je kaarten niet. Na een wachttijd kan die je wel weer binnenlaten. Kies dus alleen iemand die je echt vertrouwt.',
          { id: 'trusted.trust' },
        )}
      </p>
      ${
        helpers.length > 0
          ? html`<h2>${msg('Wie je kan helpen', { id: 'trusted.listHeading' })}</h2>
              <ul>
                ${helpers.map(
                  (helper) =>
                    html`<li class="card">
                      <p>
                        <strong>${helper.helperUsername}</strong> ·
                        ${
                          helper.waitDays === 7
                            ? msg('wachttijd 7 dagen', { id: 'trusted.wait7Short' })
                            : msg('wachttijd 3 dagen', { id: 'trusted.wait3Short' })
                        }
                      </p>
                      <button
                        class="quiet"
                        type="button"
                        ?disabled=${this.action.busy}
                        @click=${() => this.removeHelper(helper.helperId)}
                      >
                        ${msg(str`${helper.helperUsername} weghalen`, { id: 'trusted.remove' })}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${this.candidate ? this.renderCompare(this.candidate) : helpers.length < 2 ? this.renderAdd() : nothing}
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
      <p class="status" role="status">${this.done}</p>
    `;
  }

  private renderAdd() {
    return html`<form novalidate @submit=${this.onLookup}>
      <h2>${msg('Iemand kiezen', { id: 'trusted.addHeading' })}</h2>
      <div class="field">
        <label for="helper"
          >${msg('Gebruikersnaam van die persoon', { id: 'trusted.helperName' })}</label
        >
        <input
          id="helper"
          type="text"
          autocapitalize="none"
          spellcheck="false"
          .value=${this.username}
          @input=${(event: Event) =>
            (this.username = event.target instanceof HTMLInputElement ? event.target.value : '')}
        />
      </div>
      <fieldset class="field">
        <legend>${msg('Hoe lang moet het wachten?', { id: 'trusted.waitLegend' })}</legend>
        ${([3, 7] as const).map(
          (days) =>
            html`<label class="choice">
              <input
                type="radio"
                name="wait"
                .checked=${this.waitDays === days}
                @change=${() => (this.waitDays = days)}
              />
              <span
                >${
                  days === 3
                    ? msg('3 dagen', { id: 'trusted.wait3' })
                    : msg('7 dagen', { id: 'trusted.wait7' })
                }</span
              >
            </label>`,
        )}
        <p class="hint">
          ${msg(
            'Zo lang duurt het voordat die persoon je binnen kan laten. In die tijd zie je een melding, en kun je het stoppen.',
            { id: 'trusted.waitHint' },
          )}
        </p>
      </fieldset>
      <div class="buttons">
        <button type="submit" ?disabled=${this.action.busy}>
          ${msg('Verder', { id: 'recover.submitCode' })}
        </button>
      </div>
    </form>`;
  }

  private renderCompare(candidate: Candidate) {
    return html`<section aria-labelledby="compare">
      <h2 id="compare" tabindex="-1">
        ${msg('Vergelijk de code', { id: 'trusted.compareHeading' })}
      </h2>
      <p>
        ${msg(
          str`Bel of zie ${candidate.username}. Vraag: ga in de app naar "Iemand helpen weer binnen te komen" en vul mijn gebruikersnaam in. Zie je daar deze code?`,
          { id: 'trusted.compareAsk' },
        )}
      </p>
      <p class="code" aria-label=${msg('Code', { id: 'trusted.codeLabel' })}>${candidate.code}</p>
      <div class="buttons">
        <button type="button" ?disabled=${this.action.busy} @click=${this.onConfirm}>
          ${msg('Ja, de codes zijn gelijk', { id: 'trusted.codesSame' })}
        </button>
        <button class="quiet" type="button" @click=${this.onDiffer}>
          ${msg('Nee, de codes zijn anders', { id: 'trusted.codesDiffer' })}
        </button>
      </div>
    </section>`;
  }

  private async onLookup(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.done = '';
    if (this.username.trim() === '') {
      this.action.fail(msg('Vul een gebruikersnaam in.', { id: 'trusted.needName' }));
      return;
    }
    const { api, crypto } = this.store.value;
    await this.action.run(
      async () => {
        const found = await trusted.lookupHelper(api, this.username);
        const { code } = await crypto.call('helperCodeForKeys', found);
        this.candidate = { ...found, code };
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'helper_not_found')
          this.action.fail(
            msg('We vinden niemand met die gebruikersnaam.', { id: 'trusted.notFound' }),
          );
        if (error instanceof ApiError && error.code === 'helper_self')
          this.action.fail(msg('Kies iemand anders dan jezelf.', { id: 'trusted.self' }));
      },
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#compare')?.focus();
  }

  private async onConfirm(): Promise<void> {
    const candidate = this.candidate;
    if (candidate === null) return;
    const { api, crypto } = this.store.value;
    const ok = await this.action.run(
      async () => {
        const setup = await crypto.call('helperSetup', {
          helperUsername: candidate.username,
          boxPublicKey: candidate.boxPublicKey,
          waitDays: this.waitDays,
        });
        await trusted.addHelper(api, {
          helperUsername: candidate.username,
          waitDays: this.waitDays,
          ...setup,
        });
      },
      (error) => {
        if (error instanceof ApiError && error.code === 'helper_exists')
          this.action.fail(msg('Die persoon kan je al helpen.', { id: 'trusted.exists' }));
      },
    );
    if (!ok) return;
    this.candidate = null;
    this.username = '';
    await this.load();
    this.done = msg(str`${candidate.username} kan je nu helpen als je er niet meer in komt.`, {
      id: 'trusted.added',
    });
  }

  private onDiffer(): void {
    this.candidate = null;
    this.action.fail(
      msg(
        'Dan kiezen we deze persoon niet. Misschien is er iets mis. Probeer het later nog eens.',
        { id: 'trusted.differ' },
      ),
    );
  }

  private async removeHelper(helperId: string): Promise<void> {
    this.done = '';
    const ok = await this.action.run(() => trusted.removeHelper(this.store.value.api, helperId));
    if (!ok) return;
    await this.load();
    this.done = msg('Weggehaald.', { id: 'trusted.removed' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-trusted-helpers': NkTrustedHelpers;
  }
}
