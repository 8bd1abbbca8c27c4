import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { CATEGORIES, type Category } from '../../shared/map/types.js';
import { categorySvg } from '../taxonomy/pictograms.js';
import { sharedStyles } from '../ui/shared-styles.js';
import { categoryName } from '../taxonomy/vocabulary.js';
import { emit } from '../ui/events.js';

function isCategory(value: string): value is Category {
  return CATEGORIES.some((category) => category === value);
}

/**
 * The categories as pictogram buttons: native radio buttons (arrow keys move between them),
 * each shown as a tile with its pictogram and its name.
 *
 * @fires nk-category-change - a category was chosen; `detail.category` is its id
 */
@customElement('nk-category-picker')
@localized()
export class NkCategoryPicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(12.5rem, 100%), 1fr));
        gap: 0.5rem;
      }

      label {
        position: relative;
        display: flex;
        align-items: center;
        gap: 0.6rem;
        min-height: 3.25rem;
        padding: 0.5rem 0.75rem;
        border: 2px solid var(--nk-border);
        border-radius: var(--nk-radius-small);
        background: var(--nk-surface);
        font-weight: 400;
        line-height: 1.3;
        hyphens: auto;
        overflow-wrap: break-word;
        cursor: pointer;
      }

      label:hover {
        border-color: var(--nk-primary);
      }

      label:has(input:checked) {
        border-color: var(--nk-primary);
        background: var(--nk-primary-soft);
        font-weight: 600;
      }

      label:has(input:focus-visible) {
        outline: 3px solid var(--nk-focus);
        outline-offset: 2px;
      }

      input {
        position: absolute;
        opacity: 0;
        inset-inline-start: 0.5rem;
        width: 1px;
        height: 1px;
      }

      fieldset {
        margin: 0;
      }

      .pictogram {
        width: 1.9rem;
        height: 1.9rem;
        flex: none;
        color: var(--nk-primary-dark);
      }
    `,
  ];

  /** The chosen category, or '' when none is chosen yet. */
  @property() value: Category | '' = '';
  /** The question above the tiles. */
  @property() legend = '';
  /** An error to show (when no category was chosen on going on). */
  @property() error = '';

  @query('input:checked') private checked!: HTMLInputElement | null;
  @query('input') private first!: HTMLInputElement | null;

  /** Focuses the chosen tile, or the first (once rendered). */
  override focus(): void {
    void this.updateComplete.then(() => (this.checked ?? this.first)?.focus());
  }

  override render() {
    return html`<fieldset aria-describedby=${this.error ? 'category-error' : nothing}>
      <legend>${this.legend}</legend>
      <div class="tiles">
        ${CATEGORIES.map(
          (category) =>
            html`<label>
              <input
                type="radio"
                name="category"
                .value=${category}
                .checked=${this.value === category}
                @change=${this.onChange}
              />
              ${categorySvg(category)}
              <span>${categoryName(category)}</span>
            </label>`,
        )}
      </div>
      ${this.error ? html`<p class="field-error" id="category-error">${this.error}</p>` : nothing}
    </fieldset>`;
  }

  private onChange(event: Event): void {
    const value = event.target instanceof HTMLInputElement ? event.target.value : '';
    if (!isCategory(value)) return;
    this.value = value;
    emit(this, 'nk-category-change', { category: value });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nk-category-picker': NkCategoryPicker;
  }
}
