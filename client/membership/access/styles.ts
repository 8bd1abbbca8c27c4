import { css } from 'lit';

/** Date fields of access for a time and the birth date: as large as the app's other fields. */
export const dateFieldStyles = css`
  input[type='date'] {
    font: inherit;
    color: inherit;
    display: block;
    width: 100%;
    max-width: 14rem;
    min-height: 2.75rem;
    padding: 0.4rem 0.75rem;
    border: 2px solid var(--nk-border);
    border-radius: var(--nk-radius-small);
    background: var(--nk-surface);
  }
  details.until summary {
    cursor: pointer;
    padding-block: 0.6rem;
    color: var(--nk-primary);
    text-decoration: underline;
  }
  details.until form {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
`;
