import { css } from 'lit';

/** The person form's own look: step list, name and role side by side, ring tiles. */
export const personFormStyles = css`
  form {
    display: block;
  }

  ol.steps {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0;
    margin: 0 0 1rem;
    color: var(--nk-text-soft);
    font-size: 0.95rem;
  }

  ol.steps li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }

  ol.steps .number {
    display: inline-grid;
    place-items: center;
    width: 1.6rem;
    height: 1.6rem;
    border-radius: 50%;
    border: 2px solid var(--nk-border);
    font-weight: 700;
    font-size: 0.85rem;
  }

  ol.steps li[aria-current='step'] {
    color: var(--nk-text);
    font-weight: 700;
  }

  ol.steps li[aria-current='step'] .number,
  ol.steps li.done .number {
    border-color: var(--nk-primary);
    background: var(--nk-primary);
    color: #fff;
  }

  .section,
  .step-heading {
    font-size: 1.1rem;
    margin: 0 0 0.75rem;
  }

  .section {
    margin-top: 1.25rem;
    padding-top: 0.75rem;
    border-top: 1px solid var(--nk-border);
  }

  .section:first-child {
    margin-top: 0;
    padding-top: 0;
    border-top: 0;
  }

  .step-heading:focus {
    outline: none;
  }

  .step-heading:focus-visible {
    outline: 3px solid var(--nk-focus);
    outline-offset: 4px;
  }

  nk-category-picker {
    margin-bottom: 1rem;
  }

  .who {
    display: grid;
    gap: 0 1rem;
  }

  .preview {
    background: var(--nk-surface-soft);
    border-radius: var(--nk-radius-small);
    padding: 0.5rem 0.75rem;
    overflow-wrap: anywhere;
  }

  .supports,
  .phases {
    display: grid;
    gap: 0 1rem;
  }

  .rings {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
  }

  label.tile {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 3rem;
    padding: 0.4rem 0.9rem;
    border: 2px solid var(--nk-border);
    border-radius: var(--nk-radius-small);
    font-weight: 400;
    cursor: pointer;
  }

  label.tile:has(input:checked) {
    border-color: var(--nk-primary);
    background: var(--nk-primary-soft);
    font-weight: 600;
  }

  label.tile:has(input:focus-visible) {
    outline: 3px solid var(--nk-focus);
    outline-offset: 2px;
  }

  /* the unseen radio covers its whole tile: a tap anywhere on the tile lands on it */
  label.tile input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .pictogram {
    width: 1.8rem;
    height: 1.8rem;
    color: var(--nk-primary-dark);
    flex: none;
  }

  .trusted {
    align-items: center;
  }

  .star {
    width: 1.4rem;
    height: 1.4rem;
    flex: none;
  }

  details {
    margin: 1.25rem 0;
  }

  summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--nk-primary-dark);
    padding: 0.4rem 0;
  }

  details[open] summary {
    margin-bottom: 0.5rem;
  }

  details .hint {
    margin-bottom: 0.75rem;
  }

  @media (min-width: 40rem) {
    .who,
    .supports {
      grid-template-columns: 1fr 1fr;
    }

    .phases {
      grid-template-columns: repeat(4, auto);
      justify-content: start;
    }
  }

  .dates {
    margin-top: 1rem;
  }

  .dates input[type='date'] {
    max-width: 14rem;
  }
`;
