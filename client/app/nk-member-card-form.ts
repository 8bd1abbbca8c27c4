import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { ApiError } from '../api.js';
import { membershipApi } from '../membership/api.js';
import type { CardWire, MemberView } from '../membership/types.js';
import { describeError } from './errors.js';
import { sharedStyles } from './shared-styles.js';
import { StoreController } from './store-controller.js';

type Fields = { whatIDo: string; howToReach: string; when: string };

/** A member writes their own card: what I do for this family, how and when to reach me. */
@customElement('nk-member-card-form')
@localized()
export class NkMemberCardForm extends LitElement {
  static override styles = [sharedStyles];

  @property() mapId = '';
  @property({ attribute: false }) member: MemberView | null = null;
  @property({ attribute: false }) card: CardWire | null = null;

  private readonly store = new StoreController(this);

  @state() private fields: Fields = { whatIDo: '', howToReach: '', when: '' };
  @state() private busy = false;
  @state() private error = '';
  @state() private saved = false;
  private touched = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('card') && !this.touched) {
      const card = this.card?.card;
      this.fields = {
        whatIDo: card?.whatIDo ?? '',
        howToReach: card?.howToReach ?? '',
        when: card?.when ?? '',
      };
    }
  }

  override render() {
    const field = (id: keyof Fields, label: string, multiline = false) => {
      const onInput = (e: Event) => {
        this.touched = true;
        this.saved = false;
        this.fields = {
          ...this.fields,
          [id]: (e.target as HTMLInputElement | HTMLTextAreaElement).value,
        };
      };
      return html`<div class="field">
        <label for=${`card-${id}`}>${label}</label>
        ${
          multiline
            ? html`<textarea
                id=${`card-${id}`}
                rows="3"
                maxlength="500"
                .value=${this.fields[id]}
                @input=${onInput}
              ></textarea>`
            : html`<input
                type="text"
                id=${`card-${id}`}
                maxlength="280"
                .value=${this.fields[id]}
                @input=${onInput}
              />`
        }
      </div>`;
    };
    return html`<form novalidate @submit=${this.onSave}>
      ${field('whatIDo', msg('Wat doe ik voor dit gezin?', { id: 'memberCard.whatIDo' }), true)}
      ${field('howToReach', msg('Hoe ben ik te bereiken?', { id: 'memberCard.howToReach' }))}
      ${field('when', msg('Wanneer ben ik te bereiken?', { id: 'memberCard.when' }))}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <p class="status" role="status">
        ${this.saved ? msg('Je kaartje is opgeslagen.', { id: 'memberCard.saved' }) : ''}
      </p>
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy}>
          ${msg('Kaartje opslaan', { id: 'memberCard.save' })}
        </button>
      </div>
    </form>`;
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const store = this.store.value;
    const summary = store.mapSummary(this.mapId);
    if (summary === undefined) return;
    this.busy = true;
    this.error = '';
    try {
      let base = this.card;
      for (let attempt = 0; ; attempt++) {
        const version = (base?.cardVersion ?? 0) + 1;
        const member = this.member;
        const { body } = await store.crypto.call('sealCard', {
          mapId: this.mapId,
          cardVersion: version,
          card: {
            whatIDo: this.fields.whatIDo.trim().slice(0, 500),
            howToReach: this.fields.howToReach.trim().slice(0, 280),
            when: this.fields.when.trim().slice(0, 280),
            role: (base?.card.role ?? member?.profession ?? '').slice(0, 120),
            name: (member?.name ?? '').slice(0, 120),
            organisation: (member?.organisation ?? '').slice(0, 120),
          },
        });
        try {
          await membershipApi.putCard(this.mapId, summary.capability, version - 1, body);
          break;
        } catch (error) {
          if (!(error instanceof ApiError) || error.code !== 'card_conflict' || attempt > 0)
            throw error;
          // Written from another device meanwhile: take its version number and write again.
          const cards = await membershipApi.cards(this.mapId, summary.capability);
          const opened = await store.crypto.call('openCards', {
            mapId: this.mapId,
            cards: cards.cards,
          });
          base = opened.find((c) => c.slotId === this.member?.slotId) ?? null;
        }
      }
      this.touched = false;
      this.saved = true;
      this.dispatchEvent(new CustomEvent('nk-card-saved', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = describeError(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-member-card-form': NkMemberCardForm;
  }
}
