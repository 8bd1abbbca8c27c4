import { css } from 'lit';

/** Styles every screen shares: type scale, form controls, buttons, focus ring, messages. */
export const sharedStyles = css`
  :host {
    display: block;
    color: var(--nk-text);
    font-family: var(--nk-font);
  }

  /* The page's box-sizing rule does not reach into shadow roots. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }

  h1 {
    font-size: 1.75rem;
  }

  h2 {
    font-size: 1.3rem;
  }

  h3 {
    font-size: 1.1rem;
  }

  h1:focus {
    outline: none;
  }

  h1:focus-visible {
    outline: 3px solid var(--nk-focus);
    outline-offset: 4px;
    border-radius: 4px;
  }

  p {
    margin: 0 0 1em;
  }

  a {
    color: var(--nk-primary-dark);
    text-underline-offset: 0.15em;
  }

  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--nk-focus);
    outline-offset: 2px;
  }

  .card {
    background: var(--nk-surface);
    border: 1px solid var(--nk-border);
    border-radius: var(--nk-radius);
    padding: 1.25rem;
    box-shadow: var(--nk-shadow);
  }

  .lead {
    font-size: 1.1rem;
    color: var(--nk-text-soft);
  }

  .hint {
    color: var(--nk-text-soft);
    font-size: 0.95rem;
    margin: 0.25rem 0 0;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: 1.25rem;
  }

  label,
  legend {
    font-weight: 600;
  }

  input[type='text'],
  input[type='password'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--nk-border);
    border-radius: var(--nk-radius-small);
    background: var(--nk-surface);
  }

  textarea {
    min-height: 5rem;
    resize: vertical;
  }

  input[aria-invalid='true'] {
    border-color: var(--nk-error);
  }

  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1.25rem;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: 0.5rem;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.6rem;
    padding: 0.35rem 0;
    font-weight: 400;
  }

  .choice input {
    width: 1.35rem;
    height: 1.35rem;
    margin: 0.1rem 0 0;
    flex: none;
    accent-color: var(--nk-primary);
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-top: 1rem;
  }

  button,
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.5rem 1.1rem;
    border-radius: 999px;
    border: 2px solid var(--nk-primary);
    background: var(--nk-primary);
    color: #fff;
    cursor: pointer;
    text-decoration: none;
  }

  button:hover,
  .button:hover {
    background: var(--nk-primary-dark);
    border-color: var(--nk-primary-dark);
  }

  button.secondary,
  .button.secondary {
    background: var(--nk-surface);
    color: var(--nk-primary-dark);
  }

  button.secondary:hover,
  .button.secondary:hover {
    background: var(--nk-primary-soft);
  }

  button.quiet {
    background: transparent;
    border-color: transparent;
    color: var(--nk-primary-dark);
    text-decoration: underline;
    padding-inline: 0.5rem;
  }

  button.quiet:hover {
    background: var(--nk-primary-soft);
  }

  button.danger {
    background: var(--nk-surface);
    border-color: var(--nk-error);
    color: var(--nk-error);
  }

  button.danger:hover {
    background: var(--nk-error-soft);
  }

  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }

  .error {
    color: var(--nk-error);
    background: var(--nk-error-soft);
    border-radius: var(--nk-radius-small);
    padding: 0.6rem 0.8rem;
    margin: 0.5rem 0;
  }

  .field-error {
    color: var(--nk-error);
    margin: 0.25rem 0 0;
    font-size: 0.95rem;
  }

  .status {
    color: var(--nk-text-soft);
    min-height: 1.5em;
    margin: 0.5rem 0;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* Arrows point the way of reading: mirrored in right-to-left languages. */
  .arrow {
    display: inline-block;
  }

  :host(:dir(rtl)) .arrow {
    transform: scaleX(-1);
  }

  @media print {
    .no-print {
      display: none !important;
    }
  }
`;
