import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg } from '@lit/localize';
import {
  directoryLimits,
  type ProfessionalProfileRequest,
  type PublishedProfessional,
} from '../../shared/api/directory.js';
import { getOwnProfile, publishProfile, unpublishProfile } from '../api/directory.js';
import { keepPublishedProfile } from '../day/profile.js';
import { PROFESSION_WORDS } from '../../shared/map/taxonomy.js';
import { describeError } from '../ui/errors.js';
import { BusyController } from '../ui/busy.js';
import { paths } from '../shell/router.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { StoreController } from '../shell/store-controller.js';

type Field = keyof ProfessionalProfileRequest;

const EMPTY: ProfessionalProfileRequest = {
  name: '',
  profession: '',
  organisation: '',
  area: '',
  howToReach: '',
};

/**
 * A professional's own entry in the public list of professionals (opt-in): publish, update,
 * take away at any time. Only what she types here is public; nothing of any map.
 */
@customElement('nk-professional-profile')
@localized()
export class NkProfessionalProfile extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      form {
        max-width: 36rem;
      }

      .published {
        background: var(--nk-primary-soft);
        border-radius: var(--nk-radius);
        padding: 0.75rem 1rem;
      }
    `,
  ];

  private readonly store = new StoreController(this);

  @state() private value: ProfessionalProfileRequest = EMPTY;
  @state() private published: PublishedProfessional | null = null;
  private readonly action = new BusyController(this);
  @state() private missing: readonly Field[] = [];

  private readonly loadTask = new Task(this, {
    task: async () => {
      const profile = await getOwnProfile(this.store.value.api);
      this.published = profile;
      if (profile !== null) {
        const { name, profession, organisation, area, howToReach } = profile;
        this.value = { name, profession, organisation, area, howToReach };
        // the one profile she joins maps with (client/day/profile.ts)
        await keepPublishedProfile(this.store.value, profile, { ifNone: true }).catch(() => {});
      }
      return profile;
    },
    args: () => [],
  });

  override render() {
    return html`
      <a class="back" href=${paths.maps}
        ><span class="arrow" aria-hidden="true">←</span>
        ${msg('Mijn kaarten', { id: 'editor.back' })}</a
      >
      <h1 tabindex="-1">${msg('Vindbaar als hulpverlener', { id: 'profile.heading' })}</h1>
      <p class="lead">
        ${msg(
          'Werk je met gezinnen? Zet je gegevens in de lijst van hulpverleners. Dan kan een ouder je vinden en uitnodigen voor haar kaart. Je kunt je gegevens altijd weer weghalen.',
          { id: 'profile.lead' },
        )}
      </p>
      ${this.loadTask.render({
        pending: () => html`<p role="status">${msg('Even geduld…', { id: 'export.busy' })}</p>`,
        complete: () => this.renderForm(),
        error: (error) => html`<p class="error" role="alert">${describeError(error)}</p>`,
      })}
    `;
  }

  private renderForm() {
    return html`
      ${
        this.published !== null
          ? html`<p class="published" data-testid="profile-published">
              ${msg('Je staat in de lijst. Ouders kunnen je vinden.', { id: 'profile.isPublished' })}
            </p>`
          : html`<p>${msg('Je staat nu niet in de lijst.', { id: 'profile.notPublished' })}</p>`
      }
      <form @submit=${this.onSubmit} novalidate>
        ${this.field('name', msg('Je naam', { id: 'profile.name' }), directoryLimits.profileName)}
        ${this.field(
          'profession',
          msg('Je beroep', { id: 'profile.profession' }),
          directoryLimits.profileProfession,
          'pp-professions',
        )}
        <datalist id="pp-professions">
          ${PROFESSION_WORDS.map((profession) => html`<option value=${profession}></option>`)}
        </datalist>
        ${this.field(
          'organisation',
          msg('Organisatie (mag leeg blijven)', { id: 'profile.organisation' }),
          directoryLimits.profileOrganisation,
        )}
        ${this.field(
          'area',
          msg('Waar werk je?', { id: 'profile.area' }),
          directoryLimits.profileArea,
          undefined,
          msg('Gemeenten of postcodes, bijvoorbeeld: Delft, 2611-2629', { id: 'profile.areaHint' }),
        )}
        ${this.field(
          'howToReach',
          msg('Hoe kan een ouder je bereiken?', { id: 'profile.howToReach' }),
          directoryLimits.profileHowToReach,
          undefined,
          msg('Bijvoorbeeld je werktelefoon of werk-e-mail. Dit is voor iedereen te zien.', {
            id: 'profile.howToReachHint',
          }),
        )}
        ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : nothing}
        <div class="buttons">
          <button type="submit" ?disabled=${this.action.busy}>
            ${
              this.published === null
                ? msg('Zet me in de lijst', { id: 'profile.publish' })
                : msg('Gegevens bijwerken', { id: 'profile.update' })
            }
          </button>
          ${
            this.published !== null
              ? html`<button
                  type="button"
                  class="danger"
                  ?disabled=${this.action.busy}
                  @click=${this.onUnpublish}
                >
                  ${msg('Haal me uit de lijst', { id: 'profile.unpublish' })}
                </button>`
              : nothing
          }
        </div>
      </form>
    `;
  }

  private field(key: Field, label: string, max: number, list?: string, hint?: string) {
    const id = `pp-${key}`;
    const invalid = this.missing.includes(key);
    const described = [hint !== undefined ? `${id}-hint` : '', invalid ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="text"
        maxlength=${max}
        list=${list ?? nothing}
        aria-describedby=${described || nothing}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${this.value[key]}
        @input=${(event: Event) =>
          (this.value = { ...this.value, [key]: (event.target as HTMLInputElement).value })}
      />
      ${hint !== undefined ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
      ${
        invalid
          ? html`<p id="${id}-error" class="field-error">
              ${msg('Vul dit in.', { id: 'profile.required' })}
            </p>`
          : nothing
      }
    </div>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const value: ProfessionalProfileRequest = {
      name: this.value.name.trim(),
      profession: this.value.profession.trim(),
      organisation: this.value.organisation.trim(),
      area: this.value.area.trim(),
      howToReach: this.value.howToReach.trim(),
    };
    const required: Field[] = ['name', 'profession', 'area', 'howToReach'];
    this.missing = required.filter((key) => value[key] === '');
    if (this.missing.length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#pp-${this.missing[0]}`)?.focus();
      return;
    }
    const first = this.published === null;
    await this.action.run(async () => {
      this.published = await publishProfile(this.store.value.api, value);
      await keepPublishedProfile(this.store.value, this.published, { ifNone: false });
      this.store.value.announce(
        first
          ? msg('Je staat nu in de lijst van hulpverleners.', { id: 'profile.publishedDone' })
          : msg('Je gegevens zijn bijgewerkt.', { id: 'profile.updatedDone' }),
      );
    });
  }

  private async onUnpublish(): Promise<void> {
    await this.action.run(async () => {
      await unpublishProfile(this.store.value.api);
      this.published = null;
      this.store.value.announce(
        msg('Je staat niet meer in de lijst van hulpverleners.', { id: 'profile.unpublishedDone' }),
      );
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-professional-profile': NkProfessionalProfile;
  }
}
