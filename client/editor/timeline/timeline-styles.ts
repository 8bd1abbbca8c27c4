import { css } from 'lit';

/** The timeline: one side on a phone, two side by side when there is room. */
export const timelineStyles = css`
  :host {
    display: block;
    margin-top: 2rem;
    container-type: inline-size;
  }

  .sides {
    display: grid;
    gap: 1.25rem;
  }

  @container (min-width: 44rem) {
    .sides.two {
      grid-template-columns: 1fr 1fr;
    }
  }

  .side {
    background: var(--nk-surface);
    border: 1px solid var(--nk-border);
    border-radius: var(--nk-radius);
    padding: 0.9rem 1rem;
    min-width: 0;
  }

  .side h3 {
    margin: 0 0 0.5rem;
    font-size: 1.1rem;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.75rem;
  }

  input[type='range'] {
    width: 100%;
    min-height: 2.75rem;
    accent-color: var(--nk-primary);
  }

  output {
    font-weight: 600;
  }

  select {
    min-height: 2.75rem;
    max-width: 100%;
  }

  nk-ring-picture {
    display: block;
    max-width: 30rem;
    margin: 0.5rem auto;
  }

  ul.people {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.35rem;
  }

  ul.people li.ended {
    color: var(--nk-text-soft);
  }

  ul.people .when {
    display: block;
    font-size: 0.92rem;
    color: var(--nk-text-soft);
  }

  .change {
    margin-top: 1.25rem;
    background: var(--nk-primary-soft);
    border-radius: var(--nk-radius);
    padding: 0.9rem 1rem;
  }

  .change p {
    margin: 0.25rem 0;
  }

  .change .strength {
    font-weight: 700;
    font-size: 1.1rem;
  }

  .compare {
    margin-top: 1rem;
  }
`;
