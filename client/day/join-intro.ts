/** The top of the join form: whose map it is, and that her saved profile is filled in. */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';

export function renderJoinIntro(centreName: string, reused: boolean) {
  return html`${
    centreName
      ? html`<p class="lead" data-testid="join-whose">
          ${msg(str`Je vraagt om mee te doen met de kaart van ${centreName}.`, { id: 'day.joinWhose' })}
        </p>`
      : nothing
  }
  ${
    reused
      ? html`<p class="hint" data-testid="join-reused">
          ${msg('Je gegevens staan al ingevuld. Kijk of ze kloppen voor dit gezin.', {
            id: 'day.profileReused',
          })}
        </p>`
      : nothing
  }`;
}
