// What a parent does in the app, step by step, in Dutch (the default language).
import type { Page } from 'playwright-core';

export interface Person {
  /** "Wie is het?" */
  label: string;
  /** A category id, the value of the select's option. */
  category: string;
  ring: 'Heel dichtbij' | 'Dichtbij' | 'Verder weg';
  /** Labels of the support checkboxes. */
  support: string[];
  /** "In je eigen woorden" */
  supportNote?: string;
  /** Under "Meer over deze persoon": full name and note. */
  name?: string;
  note?: string;
}

/** Registers and waits for the recovery sheet; returns the recovery code as shown. */
export async function register(
  page: Page,
  baseUrl: string,
  username: string,
  passphrase: string,
): Promise<string> {
  await page.goto(`${baseUrl}/registreren`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
  await page.getByLabel('Wachtwoordzin nog een keer').fill(passphrase);
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

/** Adds one person through the form and waits until the card shows and the save is announced. */
export async function addPerson(page: Page, person: Person): Promise<void> {
  await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
  await page.getByLabel('Wie is het?').fill(person.label);
  await page.getByLabel('Groep').selectOption(person.category);
  await page.getByRole('radio', { name: person.ring, exact: true }).check();
  for (const kind of person.support)
    await page.getByRole('checkbox', { name: kind, exact: true }).check();
  if (person.supportNote !== undefined)
    await page.getByLabel('In je eigen woorden').fill(person.supportNote);
  if (person.name !== undefined || person.note !== undefined) {
    await page.getByText('Meer over deze persoon').click();
    if (person.name !== undefined) await page.getByLabel('Volledige naam').fill(person.name);
    if (person.note !== undefined)
      await page.getByLabel('Notitie', { exact: true }).fill(person.note);
  }
  await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await page.getByRole('heading', { level: 4, name: person.label }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: `${person.label} staat op je kaart.` })
    .waitFor();
}

/** Logs in from the login page (the current page must be it). */
export async function login(page: Page, username: string, passphrase: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoordzin').fill(passphrase);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}
