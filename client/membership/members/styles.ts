import { css } from 'lit';

export const membersStyles = css`
  ul.people {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  /* Each mark its own list item, so a screen reader reads them as separate phrases. */
  ul.badges {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .badge {
    display: inline-block;
    border-radius: 999px;
    padding: 0.05rem 0.6rem;
    font-size: 0.9rem;
    background: var(--nk-primary-soft, #e3f1ef);
    color: var(--nk-text, #1f2a2a);
    border: 1px solid var(--nk-primary, #1d6b64);
    margin-inline-end: 0.35rem;
  }
  .code {
    font-size: 2rem;
    font-weight: 700;
    letter-spacing: 0.15em;
    font-variant-numeric: tabular-nums;
    margin: 0.25rem 0;
  }
  .member-card {
    margin: 0.5rem 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--nk-border, #ccc);
  }
  .member-card p {
    margin: 0.2rem 0;
  }
  ol.history {
    padding-inline-start: 1.2rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
`;
