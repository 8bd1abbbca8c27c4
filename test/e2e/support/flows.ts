// What a parent does in the app, step by step, in Dutch (the default language).
import type { Page } from 'playwright-core';

export interface Person {
  /** The label on the map; "M. — moeder" is typed as name "M." and role "moeder". */
  label: string;
  /** A category id, the value of its radio button. */
  category: string;
  ring: 'Heel dichtbij' | 'Dichtbij' | 'Verder weg';
  /** Labels of the support checkboxes. */
  support: string[];
  /** "In je eigen woorden" */
  supportNote?: string;
  /** Labels of the phase checkboxes ("Zwangerschap", …). */
  phases?: string[];
  /** "Dit is mijn vertrouwde persoon" */
  trusted?: boolean;
  /** Under "Meer over deze persoon": full name, contact and note. */
  name?: string;
  contact?: string;
  note?: string;
}

/**
 * Registers and waits for the recovery sheet; returns the recovery code as shown. `professional`
 * ticks "Ik werk als hulpverlener" on the sign-up form (the features only professionals need).
 */
export async function register(
  page: Page,
  baseUrl: string,
  username: string,
  passphrase: string,
  options: { professional?: boolean; keep?: boolean } = {},
): Promise<string> {
  await page.goto(`${baseUrl}/registreren`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
  await page.getByLabel('Wachtwoordzin nog een keer').fill(passphrase);
  if (options.professional === true) await page.getByLabel('Ik werk als hulpverlener').check();
  if (options.keep === true) await page.getByLabel(KEEP_SIGNED_IN).check();
  await page.getByRole('button', { name: 'Account maken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Je herstelcode' }).waitFor();
  return (await page.getByTestId('recovery-code').innerText()).replace(/\s+/g, ' ').trim();
}

/** Ticks "saved" on the recovery sheet and continues to the map list. */
export async function confirmRecovery(page: Page): Promise<void> {
  await page.getByLabel('Ik heb mijn herstelcode bewaard').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
}

/** Makes a new map from the map list and waits for its editor. */
export async function createMap(page: Page, title: string): Promise<void> {
  await page.getByLabel('Naam van de kaart').fill(title);
  await page.getByRole('button', { name: 'Nieuwe kaart maken' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Adds one person in the three steps of the form and waits until the save is announced. */
export async function addPerson(page: Page, person: Person): Promise<void> {
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  // Step 1: who
  await page.getByRole('heading', { name: 'Stap 1 van 3: Wie is het?' }).waitFor();
  await page.locator(`nk-category-picker input[value="${person.category}"]`).check();
  const at = person.label.indexOf(' — ');
  const name = at < 0 ? person.label : person.label.slice(0, at);
  const role = at < 0 ? '' : person.label.slice(at + 3);
  await page.getByLabel('Naam of voorletter').fill(name);
  if (role !== '') await page.getByLabel('Wie is dit voor jou?').fill(role);
  await page.getByRole('button', { name: 'Volgende' }).click();
  // Step 2: what they do for you
  await page.getByRole('heading', { name: /Stap 2 van 3/ }).waitFor();
  for (const kind of person.support)
    await page.getByRole('checkbox', { name: kind, exact: true }).check();
  if (person.supportNote !== undefined)
    await page.getByLabel('In je eigen woorden (mag leeg blijven)').fill(person.supportNote);
  for (const phase of person.phases ?? [])
    await page.getByRole('checkbox', { name: phase, exact: true }).check();
  await page.getByRole('button', { name: 'Volgende' }).click();
  // Step 3: how close
  await page.getByRole('heading', { name: /Stap 3 van 3/ }).waitFor();
  await page.getByRole('radio', { name: person.ring, exact: true }).check();
  if (person.trusted === true) await page.getByLabel('Dit is mijn vertrouwde persoon').check();
  if (person.name !== undefined || person.note !== undefined || person.contact !== undefined) {
    await page.getByText('Meer over deze persoon').click();
    if (person.name !== undefined) await page.getByLabel('Volledige naam').fill(person.name);
    if (person.contact !== undefined)
      await page.getByLabel('Telefoon of e-mail').fill(person.contact);
    if (person.note !== undefined)
      await page.getByLabel('Notitie', { exact: true }).fill(person.note);
  }
  await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await page
    .getByRole('status')
    // "op je kaart" for the owner, "op de kaart" for a member who may write (a borger)
    .filter({ hasText: `${person.label} staat op ` })
    .waitFor();
}

/** Switches the map to the list view (cards with headings), if it is not shown already. */
export async function showList(page: Page): Promise<void> {
  const list = page.getByRole('button', { name: 'Lijst', exact: true });
  if ((await list.getAttribute('aria-pressed')) !== 'true') await list.click();
  await page.locator('nk-person-card').first().waitFor();
}

/** Switches the map to the ring picture. */
export async function showPicture(page: Page): Promise<void> {
  const picture = page.getByRole('button', { name: 'Kaart', exact: true });
  if ((await picture.getAttribute('aria-pressed')) !== 'true') await picture.click();
  await page.locator('nk-ring-picture svg').waitFor();
}

/** Logs in from the login page (the current page must be it). */
/** The choice at sign-in that this is her own device, so it keeps her signed in (decision 0024). */
export const KEEP_SIGNED_IN = 'Dit is mijn eigen telefoon of computer. Ingelogd blijven.';

export async function login(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoordzin').fill(passphrase);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/**
 * Turns on "Ik werk als hulpverlener" for the signed-in account on the settings screen (in any
 * language: it finds the form by its ids), then comes back to the map list.
 */
export async function becomeProfessional(page: Page): Promise<void> {
  // in-app links, not page.goto: a reload would end the session
  await page.locator('header nav a[href="/kaarten"]').click();
  await page.locator('nk-map-list-more a[href="/instellingen"]').click();
  const settings = page.locator('nk-account-settings');
  await settings.locator('#professional').check();
  await settings.locator('button[type=submit]').click();
  await settings.locator('p.status').filter({ hasText: /\S/ }).waitFor();
  await settings.locator('a.back').click();
  await page.locator('nk-map-list h1').waitFor();
}
