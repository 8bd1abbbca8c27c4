import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ApiError } from '../api/transport.js';
import { membershipApi } from '../api/membership.js';
import type { CardWire, MemberView, SuggestionView } from './types.js';
import { BusyController } from '../ui/busy.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';
import { emit } from '../ui/events.js';

type Fields = { whatIDo: string; howToReach: string; when: string };

/** Warm handover: at most this many suggestions on one card (as shared/crypto/card.ts allows). */
const MAX_SUGGESTIONS = 5;
const SUGGESTION_FIELD = 80;

/**
 * A member writes their own card: what I do for this family, how and when to reach me, and (warm
 * handover) who else could help, by name and role. Only the parent can turn that into an invite.
 */
@customElement('nk-member-card-form')
@localized()
export class NkMemberCardForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      ul.suggestions {
        padding-inline-start: 1.2rem;
      }
      ul.suggestions button {
        margin-inline-start: 0.5rem;
      }
    `,
  ];

  @property() mapId = '';
  @property({ attribute: false }) member: MemberView | null = null;
  @property({ attribute: false }) card: CardWire | null = null;

  private readonly store = new StoreController(this);
  private readonly actions = new BusyController(this);

  @state() private fields: Fields = { whatIDo: '', howToReach: '', when: '' };
  @state() private saved = false;
  @state() private suggestions: SuggestionView[] = [];
  @state() private draftName = '';
  @state() private draftRole = '';
  @state() private draftError = '';
  private touched = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('card') && !this.touched) {
      const card = this.card?.card;
      this.fields = {
        whatIDo: card?.whatIDo ?? '',
        howToReach: card?.howToReach ?? '',
        when: card?.when ?? '',
      };
      this.suggestions = [...(card?.suggestions ?? [])];
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
      ${this.renderSuggestions()}
      ${this.actions.error ? html`<p class="error" role="alert">${this.actions.error}</p>` : nothing}
      <p class="status" role="status">
        ${this.saved ? msg('Je kaartje is opgeslagen.', { id: 'memberCard.saved' }) : ''}
      </p>
      <div class="buttons">
        <button type="submit" ?disabled=${this.actions.busy}>
          ${msg('Kaartje opslaan', { id: 'memberCard.save' })}
        </button>
      </div>
    </form>`;
  }

  /** "Wie kan er nog meer helpen?": name and role of someone the parent could invite. */
  private renderSuggestions() {
    const full = this.suggestions.length >= MAX_SUGGESTIONS;
    return html`<fieldset data-testid="suggestions">
      <legend>${msg('Wie kan er nog meer helpen?', { id: 'memberCard.suggestHeading' })}</legend>
      <p class="hint">
        ${msg(
          'Ken je iemand die dit gezin ook kan helpen? Schrijf de naam en wat die persoon doet. De ouder ziet dit en beslist zelf of ze die persoon uitnodigt.',
          { id: 'memberCard.suggestHint' },
        )}
      </p>
      ${
        this.suggestions.length > 0
          ? html`<ul class="suggestions">
              ${this.suggestions.map(
                (s, index) =>
                  html`<li>
                    ${s.name} — ${s.role}
                    <button
                      type="button"
                      class="quiet"
                      @click=${() => this.onRemoveSuggestion(index)}
                    >
                      ${msg(str`${s.name} weghalen`, { id: 'memberCard.suggestRemove' })}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        full
          ? html`<p class="hint">
              ${msg('Je kunt niet meer dan 5 mensen noemen.', { id: 'memberCard.suggestFull' })}
            </p>`
          : html`<div class="field">
                <label for="suggest-name">${msg('Naam', { id: 'memberCard.suggestName' })}</label>
                <input
                  type="text"
                  id="suggest-name"
                  maxlength=${SUGGESTION_FIELD}
                  autocomplete="off"
                  .value=${this.draftName}
                  @input=${(e: Event) => (this.draftName = (e.target as HTMLInputElement).value)}
                />
              </div>
              <div class="field">
                <label for="suggest-role"
                  >${msg('Wat doet deze persoon?', { id: 'memberCard.suggestRole' })}</label
                >
                <input
                  type="text"
                  id="suggest-role"
                  maxlength=${SUGGESTION_FIELD}
                  autocomplete="off"
                  .value=${this.draftRole}
                  @input=${(e: Event) => (this.draftRole = (e.target as HTMLInputElement).value)}
                />
              </div>
              ${
                this.draftError
                  ? html`<p class="error" role="alert">${this.draftError}</p>`
                  : nothing
              }
              <div class="buttons">
                <button type="button" class="secondary" @click=${this.onAddSuggestion}>
                  ${msg('Voeg toe aan je kaartje', { id: 'memberCard.suggestAdd' })}
                </button>
              </div>`
      }
    </fieldset>`;
  }

  private onAddSuggestion(): void {
    const name = [...this.draftName.trim()].slice(0, SUGGESTION_FIELD).join('');
    const role = [...this.draftRole.trim()].slice(0, SUGGESTION_FIELD).join('');
    if (name === '' || role === '') {
      this.draftError = msg('Vul de naam in en wat deze persoon doet.', {
        id: 'memberCard.suggestMissing',
      });
      return;
    }
    if (this.suggestions.length >= MAX_SUGGESTIONS) return;
    this.draftError = '';
    this.touched = true;
    this.saved = false;
    this.suggestions = [...this.suggestions, { name, role }];
    this.draftName = '';
    this.draftRole = '';
  }

  private onRemoveSuggestion(index: number): void {
    this.touched = true;
    this.saved = false;
    this.suggestions = this.suggestions.filter((_, i) => i !== index);
  }

  private async onSave(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.actions.busy) return;
    const store = this.store.value;
    const summary = store.mapSummary(this.mapId);
    if (summary === undefined) return;
    // A name and role typed but not yet added still count.
    if (this.draftName.trim() !== '' && this.draftRole.trim() !== '') this.onAddSuggestion();
    await this.actions.run(async () => {
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
            ...(this.suggestions.length > 0
              ? { suggestions: this.suggestions.slice(0, MAX_SUGGESTIONS) }
              : {}),
            // editing her card keeps her borger answer as it was
            ...(base?.card.borger === undefined ? {} : { borger: base.card.borger }),
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
      emit(this, 'nk-card-saved');
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-member-card-form': NkMemberCardForm;
  }
}
