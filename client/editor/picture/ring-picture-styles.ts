import { css } from 'lit';

/** The ring picture's look: soft sectors, calm lines, nodes with a focus ring, the zoom frame. */
export const ringPictureStyles = css`
  .frame {
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
    overflow: hidden;
    /* A finger scrolls the page past the whole picture; zoomed in, it moves the picture. */
    touch-action: pan-y;
  }

  svg.picture.zoomed {
    touch-action: none;
    cursor: grab;
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

  text.number {
    fill: var(--nk-primary-dark);
    stroke-width: 0;
  }

  .entry.ended text.number {
    fill: #4f5a5c;
  }

  .zoom-hint {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
    color: var(--nk-text-soft);
    text-align: end;
  }

  .numbers {
    margin-top: 0.75rem;
  }

  .numbers-lead {
    margin: 0 0 0.35rem;
    font-weight: 600;
  }

  .numbers ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 0.15rem 0.75rem;
  }

  .number-item {
    display: flex;
    justify-content: flex-start;
    align-items: baseline;
    gap: 0.5rem;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.3rem 0.4rem;
    text-align: start;
    background: none;
    border: 0;
    border-radius: var(--nk-radius-small);
    color: var(--nk-text);
    font: inherit;
    cursor: pointer;
  }

  .number-item:hover {
    background: var(--nk-primary-soft);
  }

  .number-item:focus-visible {
    outline: 3px solid var(--nk-focus);
    outline-offset: 1px;
  }

  .number-item .num {
    flex: none;
    min-width: 1.9rem;
    padding: 0.05rem 0.3rem;
    border: 2px solid var(--nk-primary);
    border-radius: 999px;
    text-align: center;
    font-weight: 700;
    color: var(--nk-primary-dark);
  }

  .number-item.ended .num {
    border-style: dashed;
    border-color: #7a8587;
  }

  .zoom {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }

  .zoom button {
    white-space: nowrap;
    min-height: 2.5rem;
    min-width: 2.75rem;
    padding: 0.25rem 0.75rem;
  }

  @media print {
    .zoom,
    .zoom-hint,
    .numbers {
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
