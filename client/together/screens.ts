/** The fixed screens of "Samen aan tafel": who holds the device, intro, approval, done, declined. */
import { css, html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { JoinRequestView } from '../membership/flows/invite.js';
import type { JoinProfileView } from '../membership/types.js';
import { LIMITS } from '../../shared/map/types.js';
import { paths } from '../shell/router.js';
import { approvalSentence } from '../membership/sees.js';

export const togetherStyles = css`
  :host {
    display: block;
  }

  .who {
    display: inline-block;
    margin: 0 0 1rem;
    padding: 0.3rem 0.8rem;
    border-radius: 999px;
    background: var(--nk-primary-soft);
    color: var(--nk-primary-dark);
    font-weight: 700;
  }

  .narrow {
    max-width: 34rem;
  }

  .code {
    font-size: 1.6rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
  }

  .stop {
    margin-top: 2rem;
  }
`;

/** What the parent's approval screen reads and calls. */
export interface ApproveScreen {
  readonly view: JoinRequestView | null;
  readonly request: { readonly safetyCode: string } | null;
  readonly busy: boolean;
  readonly detail: boolean;
  setDetail(detail: boolean): void;
  onApprove(): void;
  onDecline(): void;
}

export function who(parent: boolean) {
  return html`<p class="who">
    ${
      parent
        ? msg('Voor de ouder', { id: 'together.forParent' })
        : msg('Voor de hulpverlener', { id: 'together.forProfessional' })
    }
  </p>`;
}

export function renderIntro(onBegin: () => void) {
  return html`<div class="narrow">
    <h1 tabindex="-1">${msg('Nieuwe kaart met ouder', { id: 'together.start' })}</h1>
    <p class="lead">
      ${msg(
        'Jullie maken samen een kaart, op dit apparaat. De kaart is van de ouder. Jij doet mee als zij dat goed vindt.',
        { id: 'together.lead' },
      )}
    </p>
    <ol>
      <li>
        ${msg('De ouder kiest zelf een wachtwoordzin. Jij kijkt even weg.', {
          id: 'together.stepPassphrase',
        })}
      </li>
      <li>
        ${msg('De ouder krijgt een herstelcode. Die bewaart ze goed.', {
          id: 'together.stepRecovery',
        })}
      </li>
      <li>${msg('De ouder geeft de kaart een naam.', { id: 'together.stepName' })}</li>
      <li>
        ${msg('Jij vraagt om mee te doen. De ouder ziet een code en zegt ja of nee.', {
          id: 'together.stepConsent',
        })}
      </li>
      <li>
        ${msg('Daarna is de ouder weer uitgelogd op dit apparaat.', {
          id: 'together.stepLogout',
        })}
      </li>
    </ol>
    <p>${msg('Een e-mailadres is niet nodig.', { id: 'together.noEmail' })}</p>
    <div class="buttons">
      <button type="button" @click=${onBegin}>
        ${msg('Geef het apparaat aan de ouder', { id: 'together.begin' })}
      </button>
      <a class="button secondary" href=${paths.maps}
        >${msg('Terug naar mijn kaarten', { id: 'together.back' })}</a
      >
    </div>
  </div>`;
}

/** What the parent's "name your map" screen reads and calls. */
export interface NameScreen {
  readonly title: string;
  readonly busy: boolean;
  setTitle(title: string): void;
  onSubmit(event: SubmitEvent): void;
}

export function renderName(screen: NameScreen) {
  return html`<div class="narrow">
    ${who(true)}
    <h1 tabindex="-1">${msg('Geef je kaart een naam', { id: 'together.nameHeading' })}</h1>
    <form novalidate @submit=${screen.onSubmit}>
      <div class="field">
        <label for="title">${msg('Naam van de kaart', { id: 'maps.titleLabel' })}</label>
        <input
          id="title"
          type="text"
          maxlength=${LIMITS.title}
          autocomplete="off"
          aria-describedby="title-hint"
          .value=${screen.title}
          @input=${(e: Event) => screen.setTitle((e.target as HTMLInputElement).value)}
        />
        <p class="hint" id="title-hint">
          ${msg('Alleen jij en wie jij toelaat zien deze naam.', { id: 'together.nameHint' })}
        </p>
      </div>
      <div class="buttons">
        <button type="submit" ?disabled=${screen.busy}>
          ${msg('Kaart maken', { id: 'together.createMap' })}
        </button>
      </div>
    </form>
  </div>`;
}

/** What the professional's "Nu jij" form reads and calls. */
export interface ProfessionalScreen {
  readonly profile: JoinProfileView;
  /** Said aloud when it appears (the paragraph is always there, as a live region). */
  readonly nameError: string;
  readonly busy: boolean;
  setProfile(profile: JoinProfileView): void;
  onSubmit(event: SubmitEvent): void;
}

export function renderProfessional(screen: ProfessionalScreen) {
  const field = (
    id: 'name' | 'profession' | 'organisation',
    label: string,
    autocomplete: string,
  ) => {
    const error = id === 'name' ? screen.nameError : '';
    return html`<div class="field">
      <label for=${`p-${id}`}>${label}</label>
      <input
        id=${`p-${id}`}
        type="text"
        maxlength="200"
        autocomplete=${autocomplete}
        .value=${screen.profile[id]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${id === 'name' ? 'p-name-error' : nothing}
        @input=${(e: Event) =>
          screen.setProfile({ ...screen.profile, [id]: (e.target as HTMLInputElement).value })}
      />
      ${
        id === 'name'
          ? html`<p class="field-error" id="p-name-error" aria-live="assertive">${error}</p>`
          : nothing
      }
    </div>`;
  };
  return html`<div class="narrow">
    ${who(false)}
    <h1 tabindex="-1">${msg('Nu jij', { id: 'together.professionalHeading' })}</h1>
    <p class="lead">
      ${msg(
        'De ouder geeft het apparaat aan jou. Vul in wie je bent. De ouder ziet dit en zegt ja of nee.',
        { id: 'together.professionalLead' },
      )}
    </p>
    <form novalidate @submit=${screen.onSubmit}>
      ${field('name', msg('Je naam', { id: 'together.name' }), 'name')}
      ${field('profession', msg('Je beroep', { id: 'together.profession' }), 'organization-title')}
      ${field('organisation', msg('Organisatie', { id: 'together.organisation' }), 'organization')}
      <div class="buttons">
        <button type="submit" ?disabled=${screen.busy}>
          ${msg('Vraag om mee te doen', { id: 'together.ask' })}
        </button>
      </div>
    </form>
  </div>`;
}

export function renderApprove(screen: ApproveScreen) {
  const { view, request } = screen;
  if (view === null || request === null) return nothing;
  const same = view.safetyCode === request.safetyCode;
  const name = view.profile.name;
  return html`<div class="narrow">
    ${who(true)}
    <h1 tabindex="-1">${msg(str`Mag ${name} meedoen?`, { id: 'together.approveHeading' })}</h1>
    <div class="card" data-testid="join-request">
      <p>${[view.profile.profession, view.profile.organisation].filter(Boolean).join(' · ')}</p>
      <p>${msg('Veiligheidscode', { id: 'join.codeHeading' })}:</p>
      <p class="code" data-testid="safety-code">${view.safetyCode}</p>
      <p>
        ${
          same
            ? msg('De hulpverlener kreeg dezelfde code. Dat klopt.', { id: 'together.codeSame' })
            : msg('De codes zijn niet hetzelfde. Laat haar niet toe.', {
                id: 'together.codeDifferent',
              })
        }
      </p>
      <p>
        ${msg(
          str`${name} doet mee als hulpverlener. Ze schrijft op haar eigen kaartje wat ze voor je doet.`,
          {
            id: 'together.asProfessional',
          },
        )}
      </p>
      <p data-testid="approval-sees">${approvalSentence(name, 'professional', screen.detail)}</p>
      <label class="choice">
        <input
          type="checkbox"
          .checked=${screen.detail}
          @change=${(e: Event) => screen.setDetail((e.target as HTMLInputElement).checked)}
        />
        ${msg('Mag ook namen en contactgegevens zien', { id: 'members.grantDetail' })}
      </label>
      <div class="buttons">
        <button type="button" ?disabled=${screen.busy || !same} @click=${screen.onApprove}>
          ${msg('Toelaten', { id: 'members.approve' })}
        </button>
        <button type="button" class="secondary" ?disabled=${screen.busy} @click=${screen.onDecline}>
          ${msg('Niet toelaten', { id: 'members.decline' })}
        </button>
      </div>
    </div>
  </div>`;
}

export function renderDone(mapId: string) {
  return html`<div class="narrow">
    ${who(false)}
    <h1 tabindex="-1">${msg('Klaar', { id: 'together.doneHeading' })}</h1>
    <p class="lead" data-testid="together-done">
      ${msg('Klaar. De ouder is nu uitgelogd op dit apparaat.', { id: 'together.done' })}
    </p>
    <p>
      ${msg(
        'De kaart staat nu ook bij jouw kaarten. Je kunt haar lezen en je eigen kaartje schrijven.',
        {
          id: 'together.doneHint',
        },
      )}
    </p>
    <div class="buttons">
      <a class="button" href=${paths.map(mapId)}
        >${msg('Open de kaart', { id: 'together.open' })}</a
      >
      <a class="button secondary" href=${paths.maps}
        >${msg('Naar mijn kaarten', { id: 'recovery.toMaps' })}</a
      >
    </div>
  </div>`;
}

export function renderDeclined() {
  return html`<h1 tabindex="-1">${msg('Niet toegelaten', { id: 'together.declinedHeading' })}</h1>
    <p>
      ${msg('De kaart blijft van de ouder. De ouder is nu uitgelogd op dit apparaat.', {
        id: 'together.declined',
      })}
    </p>
    <a class="button" href=${paths.maps}
      >${msg('Naar mijn kaarten', { id: 'recovery.toMaps' })}</a
    >`;
}
