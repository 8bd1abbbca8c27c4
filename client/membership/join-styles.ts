// The joining screen's own look: the safety code large enough to read aloud, the parent's greeting.
import { css } from 'lit';

export const joinStyles = css`
  .code {
    font-size: 2.25rem;
    font-weight: 700;
    letter-spacing: 0.15em;
    font-variant-numeric: tabular-nums;
    margin: 0.5rem 0 1rem;
  }
  .greeting {
    font-style: italic;
  }
`;
