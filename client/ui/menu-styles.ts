import { css } from 'lit';

/** A pill-shaped <details>/<summary> menu button, shared by the print and the save menus. */
export const menuStyles = css`
  :host {
    display: inline-block;
  }

  details {
    position: relative;
  }

  summary {
    list-style: none;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.5rem 1.1rem;
    border: 2px solid var(--nk-primary);
    border-radius: 999px;
    color: var(--nk-primary-dark);
    background: var(--nk-surface);
    font-weight: 600;
    cursor: pointer;
  }

  summary::-webkit-details-marker {
    display: none;
  }

  summary:hover {
    background: var(--nk-primary-soft);
  }
`;
