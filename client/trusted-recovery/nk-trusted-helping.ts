import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { HelpingDetail, TrustedOverview } from '../../shared/api/trusted-recovery.js';
import * as trusted from '../api/trusted-recovery.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { codeStyles } from './code-styles.js';

type Helping = TrustedOverview['helping'][number];
/** What this device makes of one recovery: its own check of the wait, and her new device's code. */
type Check = { detail: HelpingDetail; waitOver: boolean; code: string | null; waitDays: 3 | 7 };

const POLL_MS = 3000;

/** "Iemand helpen weer binnen te komen": the helper's side (decision 0026). Never opens her maps. */
@customElement('nk-trusted-helping')
@localized()
export class NkTrustedHelping extends LitElement {
  static override styles = [
    sharedStyles,
    codeStyles,
    css`
      section,
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
  @state() private forUsername = '';
  @state() private ownCode = '';
  @state() private helping: Helping[] = [];
  @state() private checks = new Map<string, Check>();
  @state() private done = '';
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.timer = setInterval(() => void this.load(), POLL_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  private async load(): Promise<void> {
    const { api, crypto } = this.store.value;
    try {
      this.helping = (await trusted.overview(api)).helping;
      const checks = new Map<string, Check>();
      for (const entry of this.helping.filter((h) => h.startedAt !== null)) {
        const detail = await trusted.helpingDetail(api, entry.helperId);
        // the page's clock, not the worker's: the same one the person in front of it sees
        const check = await crypto.call('checkHandover', { detail, now: Date.now() });
        checks.set(entry.helperId, { detail, ...check });
      }
      this.checks = checks;
    } catch {
      // the next round tries again; a lasting failure shows when she acts
    }
  }

  override render() {
    return html`
      <a class="back" href=${paths.account}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Mijn account', { id: 'account.heading' })}</a
      >
      <h1 tabindex="-1">${msg('Iemand helpen weer binnen te komen', { id: 'helping.heading' })}</h1>
      <form novalidate @submit=${this.onOwnCode}>
        <h2>${msg('Heeft iemand jou gekozen?', { id: 'helping.chosenHeading' })}</h2>
        <p>
          ${msg('Vul haar of zijn gebruikersnaam in. Dan zie je de code die jullie vergelijken.', {
            id: 'helping.chosenLead',
          })}
        </p>
        <div class="field">
          <label for="for">${msg('Gebruikersnaam', { id: 'login.username' })}</label>
          <input
            id="for"
            type="text"
            autocapitalize="none"
            spellcheck="false"
            .value=${this.forUsername}
            @input=${(event: Event) =>
              (this.forUsername =
                event.target instanceof HTMLInputElement ? event.target.value : '')}
          />
        </div>
        <div class="buttons">
          <button type="submit">${msg('Laat mijn code zien', { id: 'helping.showCode' })}</button>
        </div>
        ${
          this.ownCode
            ? html`<p>${msg('Jouw code:', { id: 'helping.yourCode' })}</p>
                <p class="code" id="own-code">${this.ownCode}</p>`
            : nothing
        }
      </form>
      <section aria-labelledby="people">
        <h2 id="people">${msg('Mensen die jij kunt helpen', { id: 'helping.peopleHeading' })}</h2>
        ${
          this.helping.length === 0
            ? html`<p>${msg('Nog niemand heeft jou gekozen.', { id: 'helping.nobody' })}</p>`
            : html`<ul>
                ${this.helping.map((entry) => this.renderEntry(entry))}
              </ul>`
        }
      </section>
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
      <p class="status" role="status">${this.done}</p>
    `;
  }

  private renderEntry(entry: Helping) {
    const name = entry.username;
    const check = this.checks.get(entry.helperId);
    if (entry.startedAt === null) {
      return html`<li class="card">
        <p><strong>${name}</strong></p>
        <p class="hint">
          ${msg(
            str`Start alleen als ${name} je zelf vraagt, bijvoorbeeld aan de telefoon. ${name} krijgt dan een melding.`,
            { id: 'helping.startHint' },
          )}
        </p>
        <button type="button" ?disabled=${this.action.busy} @click=${() => this.start(entry)}>
          ${msg(str`Start met ${name} helpen`, { id: 'helping.start' })}
        </button>
      </li>`;
    }
    const stop = html`<button
      class="quiet"
      type="button"
      ?disabled=${this.action.busy}
      @click=${() => this.cancel(entry)}
    >
      ${msg('Stoppen met helpen', { id: 'helping.cancel' })}
    </button>`;
    if (check === undefined || !check.waitOver || check.detail.serverShare === undefined) {
      const until = new Date((entry.startedAt ?? 0) + (check?.waitDays ?? 7) * 86_400_000);
      return html`<li class="card">
        <p><strong>${name}</strong></p>
        <p>
          ${msg(
            str`Je bent gestart. ${name} krijgt een melding en kan het stoppen. Je kunt verder vanaf ${until.toLocaleDateString()}.`,
            { id: 'helping.waiting' },
          )}
        </p>
        ${stop}
      </li>`;
    }
    if (check.code === null) {
      return html`<li class="card">
        <p><strong>${name}</strong></p>
        <p>
          ${msg(
            str`De wachttijd is om. Vraag ${name} om op het nieuwe apparaat bij Inloggen te kiezen voor "Hulp van iemand die je vertrouwt".`,
            { id: 'helping.askDevice' },
          )}
        </p>
        ${stop}
      </li>`;
    }
    return html`<li class="card">
      <p><strong>${name}</strong></p>
      <p>
        ${msg(str`Vraag ${name} om de code op dat apparaat voor te lezen. Is het deze code?`, {
          id: 'helping.compare',
        })}
      </p>
      <p class="code" id="handover-code">${check.code}</p>
      <div class="buttons">
        <button type="button" ?disabled=${this.action.busy} @click=${() => this.handOver(check)}>
          ${msg(str`Ja, gelijk: laat ${name} binnen`, { id: 'helping.handOver' })}
        </button>
        ${stop}
      </div>
      <p class="hint">
        ${msg('Is de code anders? Doe dan niets. Dan is het niet het goede apparaat.', {
          id: 'helping.differ',
        })}
      </p>
    </li>`;
  }

  private async onOwnCode(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.forUsername.trim() === '') return;
    await this.action.run(async () => {
      const { code } = await this.store.value.crypto.call('ownHelperCode', {
        forUsername: this.forUsername,
      });
      this.ownCode = code;
    });
  }

  private async start(entry: Helping): Promise<void> {
    const { api, crypto } = this.store.value;
    const startedAt = Date.now();
    const ok = await this.action.run(async () => {
      const { signature } = await crypto.call('signTrustedStart', {
        helperId: entry.helperId,
        startedAt,
      });
      await trusted.startRecovery(api, entry.helperId, { startedAt, signature });
    });
    if (ok)
      this.done = msg(str`Gestart. ${entry.username} krijgt een melding.`, {
        id: 'helping.started',
      });
    await this.load();
  }

  private async cancel(entry: Helping): Promise<void> {
    const ok = await this.action.run(() =>
      trusted.cancelRecovery(this.store.value.api, entry.helperId),
    );
    if (ok) this.done = msg('Gestopt.', { id: 'helping.cancelled' });
    await this.load();
  }

  private async handOver(check: Check): Promise<void> {
    const { api, crypto } = this.store.value;
    const handover = check.detail.handover;
    if (handover === null) return;
    const ok = await this.action.run(async () => {
      const { sealed } = await crypto.call('sealTrustedHandover', {
        detail: check.detail,
        now: Date.now(),
      });
      await trusted.sealHandover(api, check.detail.helperId, {
        handoverId: handover.handoverId,
        sealed,
      });
    });
    if (ok)
      this.done = msg(
        str`Gelukt. ${check.detail.username} kiest nu op dat apparaat een nieuwe wachtwoordzin.`,
        { id: 'helping.handedOver' },
      );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-trusted-helping': NkTrustedHelping;
  }
}
