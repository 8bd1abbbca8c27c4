import { css } from 'lit';

/** The ring picture's look: soft sectors, calm lines, nodes with a focus ring, the zoom frame. */
export const ringPictureStyles = css`
  .frame {
    overflow: auto;
    border-radius: var(--nk-radius);
    background: var(--nk-surface);
  }

  svg.picture {
    display: block;
    width: 100%;
    height: auto;
    max-height: var(--nk-picture-max-height, none);
    margin-inline: auto;
    font-family: var(--nk-font);
  }

  :host([zoomed]) svg.picture {
    max-height: none;
    max-width: none;
  }

  :host([zoomed]) .frame {
    max-height: 75vh;
  }

  /* Zoomed in, the picture is wider than its frame, which then scrolls both ways. */
  .frame[data-zoom='1.5'] svg.picture {
    width: 150%;
  }

  .frame[data-zoom='2'] svg.picture {
    width: 200%;
  }

  .frame[data-zoom='3'] svg.picture {
    width: 300%;
  }

  .frame[data-zoom='4'] svg.picture {
    width: 400%;
  }

  text {
    fill: var(--nk-text);
    paint-order: stroke;
    stroke: #fff;
    stroke-width: 3px;
    stroke-linejoin: round;
  }

  .sector-name {
    fill: var(--nk-primary-dark);
  }

  .ring-name {
    fill: var(--nk-text-soft);
    font-style: italic;
  }

  .entry {
    cursor: pointer;
    outline: none;
    color: var(--nk-primary-dark);
  }

  :host(:not([interactive])) .entry {
    cursor: default;
  }

  .entry .node {
    fill: #fff;
    stroke: var(--nk-primary);
    stroke-width: 2;
  }

  .entry .hit {
    fill: transparent;
  }

  .entry .focus {
    fill: none;
    stroke: none;
  }

  .entry:hover .node {
    fill: var(--nk-primary-soft);
  }

  .entry:focus-visible .focus {
    stroke: var(--nk-focus);
    stroke-width: 3;
  }

  .entry.selected .focus {
    fill: rgb(29 107 100 / 10%);
    stroke: var(--nk-primary);
    stroke-width: 2;
  }

  .entry.ended {
    color: #5b6669;
  }

  .entry.ended .node {
    stroke: #7a8587;
    stroke-dasharray: 3 2.5;
  }

  .entry.ended text {
    fill: #4f5a5c;
  }

  .mark {
    font-weight: 600;
  }

  .zoom {
    display: flex;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }

  .zoom button {
    min-height: 2.5rem;
    min-width: 2.75rem;
    padding: 0.25rem 0.75rem;
  }

  @media print {
    .zoom {
      display: none;
    }

    .frame {
      overflow: visible;
    }

    svg.picture {
      width: var(--nk-picture-print-width, 100%);
      max-height: var(--nk-picture-print-height, none);
    }
  }
`;
