import { css } from 'lit';

/**
 * The paper look shared by the printable sheets: on screen a white page with its real size in mm
 * (the preview scrolls sideways on a phone); in print just the content, in exact colours.
 */
export const sheetStyles = css`
  .sheet {
    background: #fff;
    color: #1f2a2e;
    box-shadow: var(--nk-shadow);
    border: 1px solid var(--nk-border);
    margin-inline: auto;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }

  .sheet h2 {
    margin: 0;
  }

  .sheet .meta {
    color: #4a5759;
    margin: 0;
  }

  @media print {
    .sheet {
      box-shadow: none;
      border: 0;
      margin: 0;
      padding: 0 !important;
      width: auto !important;
      min-height: 0 !important;
    }
  }
`;
