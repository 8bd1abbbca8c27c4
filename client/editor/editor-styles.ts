import { css } from 'lit';

/** The map editor's layout: intro boxes, actions, picture with its side panel, the list. */
export const editorStyles = css`
  /* The picture's side panel follows the editor's own width (narrower in Samen aan tafel). */
  :host {
    display: block;
    container-type: inline-size;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 3px solid var(--nk-focus);
    outline-offset: 4px;
  }

  .back {
    display: inline-block;
    margin-bottom: 1rem;
  }

  .intro {
    display: grid;
    gap: 1rem;
    margin-bottom: 1.5rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.75rem;
    margin-bottom: 1rem;
  }

  .edit-heading {
    font-size: 1.1rem;
    margin: 0 0 0.75rem;
  }

  .card.add {
    margin-bottom: 1.25rem;
  }

  nk-view-controls {
    margin-bottom: 1rem;
  }

  .none {
    background: var(--nk-surface-soft);
    border-radius: var(--nk-radius-small);
    padding: 0.6rem 0.9rem;
  }

  .picture-layout {
    display: grid;
    gap: 1rem;
    align-items: start;
  }

  nk-ring-picture {
    border: 1px solid var(--nk-border);
    border-radius: var(--nk-radius);
    background: var(--nk-surface);
    padding: 0.5rem;
  }

  .panel {
    display: grid;
    gap: 0.75rem;
    align-content: start;
  }

  .panel .close {
    justify-self: start;
  }

  .hint-pick {
    background: var(--nk-surface-soft);
    border-radius: var(--nk-radius-small);
    padding: 0.6rem 0.9rem;
    margin: 0;
  }

  h3 {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-top: 1.5rem;
  }

  h3 .dot {
    width: 0.9rem;
    height: 0.9rem;
    border-radius: 50%;
    background: var(--dot, var(--nk-ring-1));
  }

  h3[data-ring='2'] .dot {
    --dot: var(--nk-ring-2);
  }

  h3[data-ring='3'] .dot {
    --dot: var(--nk-ring-3);
  }

  ul.people {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }

  nk-centre-form {
    margin-top: 2rem;
  }

  @media (min-width: 48rem) {
    .intro.two {
      grid-template-columns: 1fr 1fr;
    }

    ul.people {
      grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
    }
  }

  @container (min-width: 60rem) {
    .picture-layout {
      grid-template-columns: minmax(0, 1fr) 21rem;
    }
  }
`;
