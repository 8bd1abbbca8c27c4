/** The look of "Mist er iets?": a soft panel, the search form in columns, the found services. */
import { css } from 'lit';

export const findHelpStyles = css`
  :host {
    display: block;
    margin: 1.5rem 0;
  }

  section {
    background: var(--nk-primary-soft);
    border-radius: var(--nk-radius);
    padding: 1rem 1.25rem;
  }

  h2 {
    font-size: 1.2rem;
  }

  .open {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0;
    margin: 0.5rem 0 1rem;
  }

  form {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    align-items: end;
  }

  form .buttons {
    margin-top: 0;
    margin-bottom: 1.25rem;
  }

  .results {
    list-style: none;
    padding: 0;
    margin: 1rem 0 0;
    display: grid;
    gap: 1rem;
  }

  .results h3 {
    font-size: 1.1rem;
    margin-bottom: 0.25rem;
  }

  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0.75rem 0;
  }

  dt {
    font-weight: 600;
  }

  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  .org {
    color: var(--nk-text-soft);
    margin: 0;
  }

  .pages {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-top: 1rem;
  }

  #fh-results-heading {
    margin-top: 1.25rem;
  }

  .added {
    font-weight: 600;
    color: var(--nk-primary-dark);
  }
`;
