// Draws the app icons (the ring logo) with Chromium and writes them as PNG to client/public/icons.
// Run once when the logo changes: npx tsx scripts/make-icons.ts
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const OUT = 'client/public/icons';
const PRIMARY = '#1d6b64';
const ACCENT = '#d9825b';
const BACKGROUND = '#fbf8f3';

/** The logo of the header (three rings), on a light square; `inset` leaves the maskable safe zone. */
function svg(inset: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="100%" height="100%">
    <rect width="32" height="32" fill="${BACKGROUND}"/>
    <g transform="translate(16 16) scale(${1 - inset}) translate(-16 -16)">
      <circle cx="16" cy="16" r="13" fill="none" stroke="${PRIMARY}" stroke-width="2.4"/>
      <circle cx="16" cy="16" r="8" fill="none" stroke="${PRIMARY}" stroke-width="2.4"/>
      <circle cx="16" cy="16" r="3.6" fill="${ACCENT}"/>
    </g>
  </svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, inset: 0.04 },
  { file: 'icon-512.png', size: 512, inset: 0.04 },
  // maskable: the launcher may crop to a circle of 80 % of the side, so the rings stay inside it
  { file: 'icon-maskable-512.png', size: 512, inset: 0.3 },
  { file: 'apple-touch-icon.png', size: 180, inset: 0.1 },
] as const;

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
mkdirSync(OUT, { recursive: true });
for (const { file, size, inset } of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<html><body style="margin:0;width:${size}px;height:${size}px">${svg(inset)}</body></html>`,
  );
  await page.screenshot({ path: `${OUT}/${file}`, omitBackground: false });
  await page.close();
}
await browser.close();
console.log(`icons written to ${OUT}`);
