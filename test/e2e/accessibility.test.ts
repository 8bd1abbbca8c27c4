// axe-core finds no accessibility violations on the register screen, the recovery sheet and the map list.
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { addPerson, confirmRecovery, createMap } from './support/flows.js';
import { startServer, type TestServer } from './support/server.js';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core on the whole page (it follows open shadow roots) and returns the violations in short form. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResults> } })
      .axe;
    return axe.run(document);
  });
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
  );
}

describe.each([
  ['phone', undefined],
  ['desktop', DESKTOP],
] as const)('accessibility on a %s', (device, viewport) => {
  let server: TestServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startServer();
    // bypassCSP only here: addScriptTag injects axe-core as an inline script, which the app's CSP
    // (script-src 'self') rightly blocks. Every other browser test runs under the real CSP.
    browser = await launchBrowser({ bypassCSP: true, ...(viewport ? { viewport } : {}) });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('has no violations on the register screen, the recovery sheet and the map list', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/registreren`);
    await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill(`axe-${device}`);
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill('kort');
    expect(await violations(page), 'register screen').toEqual([]);
    await screenshot(page, `register-${device}`);

    await page
      .getByLabel('Wachtwoordzin', { exact: true })
      .fill('zeven blauwe vogels zingen samen');
    await page.getByLabel('Wachtwoordzin nog een keer').fill('zeven blauwe vogels zingen samen');
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
    expect(await violations(page), 'recovery sheet').toEqual([]);

    await confirmRecovery(page);
    expect(await violations(page), 'map list, empty').toEqual([]);

    await createMap(page, 'Ons netwerk');
    await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
    expect(await violations(page), 'map editor with the person form').toEqual([]);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await addPerson(page, {
      label: 'M. — moeder',
      category: 'family',
      ring: 'Heel dichtbij',
      support: ['Steun en aandacht'],
      supportNote: 'Belt elke dag even.',
    });
    expect(await violations(page), 'map editor with a person').toEqual([]);
    await screenshot(page, `map-editor-${device}`);

    await page.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    expect(await violations(page), 'map list with a map').toEqual([]);
    await screenshot(page, `map-list-${device}`);
  });
});
