/** A QR code as one SVG path, built from the module matrix (no foreign markup reaches the page). */
import { encode } from 'uqr';

export interface QrPath {
  /** Modules per side, plus a quiet zone of 4 on each side. */
  readonly size: number;
  /** `d` of one path: a 1×1 square per dark module. */
  readonly d: string;
}

export function qrPath(text: string): QrPath {
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
  const quiet = 4;
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + quiet} ${y + quiet}h1v1h-1z`;
    }),
  );
  return { size: size + quiet * 2, d };
}
