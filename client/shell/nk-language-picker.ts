import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { allLocales, getLocale, isLocale, localeName, setLocale } from '../localization.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { emit } from '../ui/events.js';

/**
 * A select to switch the language of the whole app; the change is applied at once.
 *
 * @fires nk-locale-changed - after the new language is loaded; `detail.locale` is its code
 */
@customElement('nk-language-picker')
@localized()
export class NkLanguagePicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: inline-flex;
      }

      label {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        font-weight: 400;
        font-size: 0.95rem;
      }

      svg {
        width: 1.3rem;
        height: 1.3rem;
        color: var(--nk-primary-dark);
        flex: none;
      }

      select {
        width: auto;
        min-height: 2.5rem;
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  /** True while a translation is loading. */
  @state() private loading = false;

  override render() {
    const current = getLocale();
    return html`
      <label>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm6.93 6h-2.95a15.7 15.7 0 0 0-1.38-3.56A8.03 8.03 0 0 1 18.93 8ZM12 4.04c.83 1.2 1.48 2.53 1.91 3.96h-3.82c.43-1.43 1.08-2.76 1.91-3.96ZM4.26 14a8.2 8.2 0 0 1 0-4h3.38a16.5 16.5 0 0 0 0 4H4.26Zm.81 2h2.95c.32 1.25.78 2.45 1.38 3.56A8 8 0 0 1 5.07 16Zm2.95-8H5.07a8 8 0 0 1 4.33-3.56A15.7 15.7 0 0 0 8.02 8ZM12 19.96A14.1 14.1 0 0 1 10.09 16h3.82A14.1 14.1 0 0 1 12 19.96ZM14.34 14H9.66a14.7 14.7 0 0 1 0-4h4.68a14.7 14.7 0 0 1 0 4Zm.25 5.56c.6-1.11 1.06-2.31 1.38-3.56h2.95a8.03 8.03 0 0 1-4.33 3.56ZM16.36 14a16.5 16.5 0 0 0 0-4h3.38a8.2 8.2 0 0 1 0 4h-3.38Z"
          />
        </svg>
        <!-- Also named in English, so someone stuck in a language they do not read still finds it. -->
        <span class="visually-hidden">
          ${current === 'en' ? 'Language / Taal' : `${msg('Taal', { id: 'language.label' })} / Language`}
        </span>
        <select ?disabled=${this.loading} @change=${this.onChange}>
          ${allLocales.map(
            (locale) =>
              html`<option value=${locale} lang=${locale} ?selected=${locale === current}>
                ${localeName(locale)}
              </option>`,
          )}
        </select>
      </label>
    `;
  }

  private async onChange(event: Event): Promise<void> {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !isLocale(select.value)) return;
    this.loading = true;
    try {
      await setLocale(select.value);
      emit(this, 'nk-locale-changed', { locale: select.value });
    } finally {
      this.loading = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-language-picker': NkLanguagePicker;
  }
}
