import { css } from 'lit';

/** A code read aloud: large, in groups, never broken over lines. */
export const codeStyles = css`
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
    font-size: 1.6rem;
    font-weight: 700;
    letter-spacing: 0.08em;
    white-space: nowrap;
    direction: ltr;
    unicode-bidi: isolate;
  }
`;
