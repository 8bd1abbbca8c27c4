// The steps of the consent flow in two browsers: the parent invites, someone joins, the parent approves.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { confirmRecovery, createMap, register } from './flows.js';

export const PASSPHRASE = 'zonnige ochtend bij de rivier';

export interface JoinerProfile {
  username: string;
  name: string;
  profession: string;
  organisation: string;
  contact: string;
  availability: string;
  /** Ticks "Ik werk als hulpverlener" at sign-up (her own card on the map needs it). */
  professional?: boolean;
}

/** Registers the parent, makes a map and opens "Wie doet mee?". */
export async function parentWithMap(page: Page, baseUrl: string, username: string, title: string) {
  await register(page, baseUrl, username, PASSPHRASE);
  await confirmRecovery(page);
  await createMap(page, title);
  await page.getByRole('link', { name: 'Wie doet mee?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
}

/** Makes a link invite on "Wie doet mee?" and returns the link (a new one, not the one shown before). */
export async function inviteByLink(page: Page): Promise<string> {
  const shown = page.getByTestId('invite-link');
  const before = (await shown.count()) > 0 ? await shown.inputValue() : '';
  await page.getByLabel('Met een link (WhatsApp of e-mail)').check();
  await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
  await expect
    .poll(async () => ((await shown.count()) > 0 ? shown.inputValue() : before))
    .not.toBe(before);
  const link = await shown.inputValue();
  expect(link).toMatch(/\/doe-mee#[A-Za-z0-9_-]{43}$/);
  return link;
}

/** Opens the link, makes an account (the invite survives it), fills the profile, asks to join. */
export async function joinByLink(page: Page, link: string, who: JoinerProfile): Promise<string> {
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Meedoen op een kaart' }).waitFor();
  // The secret left the address bar at once.
  expect(page.url()).not.toContain('#');
  await page.getByRole('link', { name: 'Account maken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Account maken' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(who.username);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Wachtwoordzin nog een keer').fill(PASSPHRASE);
  if (who.professional === true) await page.getByLabel('Ik werk als hulpverlener').check();
  await page.getByRole('button', { name: 'Account maken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
  await page.getByLabel('Ik heb mijn herstelcode bewaard').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meedoen op een kaart' }).waitFor();
  await page.getByLabel('Je naam').fill(who.name);
  await page.getByLabel('Je beroep of rol').fill(who.profession);
  await page.getByLabel('Organisatie').fill(who.organisation);
  await page.getByLabel('Hoe kan de ouder je bereiken?').fill(who.contact);
  await page.getByLabel('Wanneer ben je bereikbaar?').fill(who.availability);
  await page.getByRole('button', { name: 'Vraag om mee te doen' }).click();
  await page.getByText('Wacht tot de ouder je toelaat.').waitFor();
  return (await page.getByTestId('safety-code').innerText()).trim();
}

/** The parent's view of the pending request: waits for it and returns its safety code. */
export async function pendingCode(page: Page, name: string): Promise<string> {
  const request = page.getByTestId('join-request').filter({ hasText: name });
  await request.waitFor({ timeout: 20_000 });
  return (await request.getByTestId('safety-code').innerText()).trim();
}

/** Approves the request of `name` with a role (label text) and waits until they are listed. */
export async function approve(page: Page, name: string, roleLabel: RegExp | string): Promise<void> {
  const request = page.getByTestId('join-request').filter({ hasText: name });
  await request.getByLabel(roleLabel).check();
  await request.getByRole('button', { name: 'Toelaten', exact: true }).click();
  await member(page, name).waitFor();
}

export function member(page: Page, name: string) {
  return page.getByTestId('member').filter({ has: page.getByRole('heading', { name }) });
}

/** The joiner's app takes the answer and opens the map; then "Wie doet mee?". */
export async function joinerOpensMap(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Wie doet mee?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
}

/** The member writes her own card. */
export async function writeCard(
  page: Page,
  card: { whatIDo: string; howToReach: string; when: string },
): Promise<void> {
  await page.getByLabel('Wat doe ik voor dit gezin?').fill(card.whatIDo);
  await page.getByLabel('Hoe ben ik te bereiken?').fill(card.howToReach);
  await page.getByLabel('Wanneer ben ik te bereiken?').fill(card.when);
  await page.getByRole('button', { name: 'Kaartje opslaan' }).click();
  await page.getByText('Je kaartje is opgeslagen.').waitFor();
}

export const NO_ACCESS =
  'Je hebt geen toegang meer tot deze kaart. Daarom staat ze niet meer bij je kaarten.';
