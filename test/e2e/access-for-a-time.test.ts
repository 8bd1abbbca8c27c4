// Access for a time (decision 0030), in three Chromium browsers: the parent enters the birth date,
// lets a kraamverzorgende in until the suggested day (two weeks after the birth) and a verloskundige
// until a day of her own choosing, which she extends with one tap when reminded. When the server's
// clock (the test clock) passes the kraamverzorgende's last day, the server refuses her and she is
// told so plainly; the parent's next open (her device's clock past it too) completes the removal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayString } from '../../shared/time/day.js';
import { testClock } from '../helpers/clock.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { confirmRecovery, createMap, register } from './support/flows.js';
import {
  PASSPHRASE,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  pendingCode,
  type JoinerProfile,
} from './support/consent.js';
import { startServer, type TestServer } from './support/server.js';

const TITLE = 'Ons netwerk';
const DAY = 24 * 60 * 60 * 1000;
const KRAAM: JoinerProfile = {
  username: 'kim-kraam',
  name: 'Kim de Vries',
  profession: 'kraamverzorgende',
  organisation: 'Kraamzorg De Wieg',
  contact: '06-22334455',
  availability: 'dag en nacht',
};
const VERLOS: JoinerProfile = {
  username: 'anouk-verlos',
  name: 'Anouk Visser',
  profession: 'verloskundige',
  organisation: 'Praktijk De Linde',
  contact: '06-11223344',
  availability: 'werkdagen',
};

/** "24 maart 2027", as the app writes a day in Dutch. */
function dutch(day: string): string {
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.parse(day),
  );
}

describe('access for a time', () => {
  let server: TestServer;
  let parent: TestBrowser;
  let kraam: TestBrowser;
  let verlos: TestBrowser;
  const clock = testClock();

  beforeAll(async () => {
    server = await startServer();
    server.config.now = clock.now;
    parent = await launchBrowser({ viewport: DESKTOP });
    kraam = await launchBrowser({ viewport: PHONE });
    verlos = await launchBrowser({ viewport: PHONE });
  });

  afterAll(async () => {
    await parent?.close();
    await kraam?.close();
    await verlos?.close();
    await server?.dispose();
  });

  it('ends a kraamverzorgende’s access on the server clock, and the parent extends another’s', async () => {
    const start = Date.now();
    const today = dayString(start);
    const born = addDays(today, -2);
    const kraamUntil = addDays(born, 14);
    const verlosUntil = addDays(today, 3);
    const extended = addDays(verlosUntil, 14);
    const p = parent.page;
    const k = kraam.page;

    // The parent enters the actual birth date on her map (her private section).
    await register(p, server.url, 'sanne-ouder', PASSPHRASE);
    await confirmRecovery(p);
    await createMap(p, TITLE);
    const birth = p.getByTestId('birth-date');
    await birth.getByText('Datum invullen').click();
    await birth.getByLabel('Ja, dit is de geboortedatum').check();
    await birth.getByLabel('Datum', { exact: true }).fill(born);
    await birth.getByRole('button', { name: 'Datum bewaren' }).click();
    await birth
      .getByTestId('birth-state')
      .filter({ hasText: `Geboren op ${dutch(born)}.` })
      .waitFor();
    await birth.getByText('Nu: Kraamtijd.').waitFor();
    await screenshot(p, 'access-birth-date');
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();

    // The kraamverzorgende: the suggested last day is two weeks after the birth.
    const link = await inviteByLink(p);
    const code = await joinByLink(k, link, KRAAM);
    expect(await pendingCode(p, KRAAM.name)).toBe(code);
    const request = p.getByTestId('join-request').filter({ hasText: KRAAM.name });
    await request.getByLabel('Hulpverlener').check();
    const until = request.getByTestId('approve-until');
    await expect(until.getByLabel('Tot een datum').isChecked()).resolves.toBe(true);
    await expect(until.getByLabel('Laatste dag').inputValue()).resolves.toBe(kraamUntil);
    await until.getByText('Voorstel voor kraamzorg: tot twee weken na de geboorte.').waitFor();
    await screenshot(p, 'access-approve-until');
    await request.getByRole('button', { name: 'Toelaten', exact: true }).click();
    await member(p, KRAAM.name).waitFor();
    await member(p, KRAAM.name)
      .getByText(`Doet mee tot ${dutch(kraamUntil)}.`)
      .waitFor();

    // She sees until when.
    await joinerOpensMap(k, TITLE);
    await k
      .getByTestId('you-until')
      .filter({ hasText: `Je kunt deze kaart zien tot ${dutch(kraamUntil)}.` })
      .waitFor();
    await screenshot(k, 'access-member-until');

    // The verloskundige: the parent chooses a nearer day, is reminded, and extends with one tap.
    const second = await inviteByLink(p);
    await joinByLink(verlos.page, second, VERLOS);
    await pendingCode(p, VERLOS.name);
    const request2 = p.getByTestId('join-request').filter({ hasText: VERLOS.name });
    await request2.getByLabel('Hulpverlener').check();
    await request2.getByTestId('approve-until').getByLabel('Laatste dag').fill(verlosUntil);
    await request2.getByRole('button', { name: 'Toelaten', exact: true }).click();
    await member(p, VERLOS.name)
      .getByText(`Doet mee tot ${dutch(verlosUntil)}.`)
      .waitFor();
    const reminder = p.getByTestId('access-reminder').filter({ hasText: VERLOS.name });
    await reminder
      .getByText(`De toegang van ${VERLOS.name} stopt na ${dutch(verlosUntil)}.`)
      .waitFor();
    await expect(p.getByTestId('access-reminder').count()).resolves.toBe(1);
    await screenshot(p, 'access-reminder');
    await p.setViewportSize(PHONE);
    await screenshot(p, 'access-reminder-phone');
    await p.setViewportSize(DESKTOP);
    await reminder
      .getByRole('button', { name: `Toegang van ${VERLOS.name} twee weken verlengen` })
      .click();
    await member(p, VERLOS.name)
      .getByText(`Doet mee tot ${dutch(extended)}.`)
      .waitFor();
    await expect.poll(() => p.getByTestId('access-reminder').count()).toBe(0);

    // The server's clock passes the kraamverzorgende's last day: she is refused, and told so.
    clock.set(start + 13 * DAY);
    // (no reload: that would log her out) she goes back to the map, which opens it again
    await k.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await k
      .getByText(`Je toegang tot deze kaart is gestopt op ${dutch(kraamUntil)}.`, { exact: false })
      .first()
      .waitFor();
    await screenshot(k, 'access-ended-member');
    await k.getByRole('link', { name: 'Mijn kaarten' }).first().click();
    await k.getByRole('heading', { level: 1, name: 'Mijn kaarten' }).waitFor();
    await k
      .getByTestId('lost-maps')
      .filter({ hasText: `${TITLE}: je toegang is gestopt op ${dutch(kraamUntil)}.` })
      .waitFor();
    await expect(k.locator('nk-map-list ul.maps a').count()).resolves.toBe(0);

    // The parent's next open, on a day past it: her device removes her with a re-key.
    await p.clock.setSystemTime(start + 13 * DAY);
    await p.getByRole('link', { name: 'Terug naar de kaart' }).click();
    await p.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await p.getByRole('link', { name: 'Wie doet mee?' }).click();
    await p.getByRole('heading', { level: 1, name: 'Wie doet mee?' }).waitFor();
    await member(p, VERLOS.name).waitFor();
    await expect.poll(() => member(p, KRAAM.name).count(), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() => p.getByTestId('history').innerText(), { timeout: 15_000 })
      .toContain(
        `${KRAAM.name}, ${KRAAM.profession} (deed eerder mee) heeft geen toegang meer sinds`,
      );
    await screenshot(p, 'access-parent-after');

    expect(parent.problems).toEqual([]);
    expect(kraam.problems).toEqual([]);
  });
});
