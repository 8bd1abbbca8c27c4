// Three instances on one fresh PostgreSQL database behind Debian's nginx running deploy/nginx.conf,
// all started here. In two Chromium browsers through the proxy: a parent invites a maternity nurse,
// who joins; the instance that holds the parent's open event stream is killed (SIGKILL) and started
// again; the parent approves; while the nurse writes her card, the LISTEN connection of the instance
// now holding the parent's stream is cut again and again (pg_terminate_backend); the parent removes
// her. Each open screen catches up without a reload, and everything the server acknowledged reads
// back through the proxy and from each instance.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { POSTGRES_ADMIN_URL, testDatabases } from '../helpers/databases.js';
import { Acknowledged, getJson, readBack } from './support/acknowledged.js';
import { DESKTOP, PHONE, launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import {
  NO_ACCESS,
  approve,
  inviteByLink,
  joinByLink,
  joinerOpensMap,
  member,
  parentWithMap,
  pendingCode,
  writeCard,
  type JoinerProfile,
} from './support/consent.js';
import { Instance } from './support/instances.js';
import { startNginx, type Nginx } from './support/nginx.js';

const postgres = testDatabases().find((database) => database.engine === 'postgres');

/** Ports 8680–8699 belong to this test: the proxy and three instances. */
const HTTPS_PORT = 8680;
const HTTP_PORT = 8681;
const INSTANCE_PORTS = [8682, 8683, 8684];

const TITLE = 'Kaart van Roos';
/** A card save in nginx's access log, with the instance that answered it. */
const CARD_SAVE = / PUT \/api\/maps\/\S+\/cards\/mine 200 (\S+)/g;
const NURSE: JoinerProfile = {
  username: 'ayse-kraam',
  name: 'Ayşe Demir',
  profession: 'kraamverzorgende',
  organisation: 'Kraamzorg Het Nest',
  contact: '06-23456789',
  availability: 'elke ochtend in de kraamweek',
  professional: true,
};
const CARD = {
  whatIDo: 'Ik help de eerste week thuis na de bevalling',
  howToReach: 'Bel het bureau van Het Nest',
  when: 'Elke ochtend van 8 tot 12 uur',
};

/** Polls `read` until `done` holds; no fixed sleeps, a generous deadline for a loaded machine. */
async function until<T>(
  what: string,
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function mapIdOf(url: string): string {
  const mapId = /\/kaarten\/([A-Za-z0-9_-]{22})/.exec(url)?.[1];
  if (mapId === undefined) throw new Error(`no map in ${url}`);
  return mapId;
}

/** Terminates the backend named `application` whenever it is there, until stopped. */
function holdListenerDown(application: string) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  let stopped = false;
  let terminated = 0;
  const loop = (async () => {
    await client.connect();
    try {
      while (!stopped) {
        const rows = await client.query<{ done: boolean }>(
          'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
          [application],
        );
        terminated += rows.rows.filter((row) => row.done).length;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await client.end();
    }
  })();
  return {
    /** How many times the connection was terminated so far. */
    get terminated(): number {
      return terminated;
    },
    /** Stops cutting; resolves with how many times the connection was terminated. */
    async stop(): Promise<number> {
      stopped = true;
      await loop;
      return terminated;
    },
  };
}

describe.runIf(postgres)('three instances behind nginx: consent flow while instances fail', () => {
  const instances: Instance[] = [];
  const acknowledged = new Acknowledged();
  let nginx: Nginx | undefined;
  let parent: TestBrowser | undefined;
  let nurse: TestBrowser | undefined;
  const killAll = () => {
    for (const instance of instances) instance.killNow();
  };

  beforeAll(async () => {
    if (!postgres) return;
    process.once('exit', killAll);
    const { databaseUrl } = await postgres.create();
    if (databaseUrl === undefined) throw new Error('no PostgreSQL database');
    // no JWT_SECRET: the first instance writes the secret into the database and the others read it
    const env = { PUBLIC_ORIGIN: `https://127.0.0.1:${HTTPS_PORT}`, RATE_LIMIT_LOGIN: '1000' };
    INSTANCE_PORTS.forEach((port, index) =>
      instances.push(
        new Instance(`instance ${'abc'[index]}`, {
          port,
          databaseUrl,
          staticDir: inject('clientDir'),
          env,
        }),
      ),
    );
    // all at once, as after a deploy: they migrate the fresh database together
    await Promise.all(instances.map((instance) => instance.start()));
    nginx = await startNginx({
      httpsPort: HTTPS_PORT,
      httpPort: HTTP_PORT,
      upstreamPorts: INSTANCE_PORTS,
    });
    parent = await launchBrowser({ viewport: DESKTOP, ignoreHTTPSErrors: true });
    nurse = await launchBrowser({ viewport: PHONE, ignoreHTTPSErrors: true });
  }, 240_000);

  afterAll(async () => {
    await parent?.close().catch(() => undefined);
    await nurse?.close().catch(() => undefined);
    await nginx?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    for (const instance of instances) instance.dispose();
    process.removeListener('exit', killAll);
  }, 60_000);

  /** Instances' and nginx's logs, added to a failure message. */
  function logs(): string {
    return [...instances.map((i) => `--- ${i.name}\n${i.tail()}`), nginx?.logs() ?? ''].join('\n');
  }

  const openStreams = () => instances.map((instance) => instance.openStreams);

  it('serves through the proxy with one secret: http redirects to https, health and headers pass', async () => {
    if (!nginx) throw new Error('no proxy');
    // started together on a fresh database, all three sign with the one key the first one wrote
    const loaded = instances.map((instance) => {
      const line = instance.currentRun.find((entry) => entry.msg === 'secrets loaded');
      return `${String(line?.['source'])} ${String(line?.['kid'])}`;
    });
    expect(loaded[0]).toMatch(/^database \S+$/);
    expect(new Set(loaded).size).toBe(1);
    const plain = await fetch(`${nginx.plainUrl}/kaarten?x=1`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toBe('https://127.0.0.1/kaarten?x=1');
    // nothing is busy yet, so least_conn takes turns: three requests, one on each instance
    const before = instances.map((instance) => instance.requestsThisRun);
    for (let i = 0; i < INSTANCE_PORTS.length; i += 1) {
      const health = await getJson(nginx.url, '/api/health', {}, nginx.certificate);
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', database: 'postgres' });
      expect(health.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}$/);
      expect(health.headers['cache-control']).toBe('no-store');
    }
    await until(
      'each instance logged one request',
      () => instances.map((instance, index) => instance.requestsThisRun - (before[index] ?? 0)),
      (counts) => counts.every((count) => count === 1),
      10_000,
    );
  });

  it('invites, joins, approves, writes a card and removes her while instances fail; nothing acknowledged is lost', async () => {
    if (!nginx || !parent || !nurse) throw new Error('not started');
    const started = Date.now();
    const proxy = nginx;
    const p = parent.page;
    const n = nurse.page;
    acknowledged.watch(p, 'parent');
    acknowledged.watch(n, 'nurse');
    // the expected failure: nginx resets the parent's stream when its instance dies
    const DROPPED = 'console: Failed to load resource: net::ERR_HTTP2_PROTOCOL_ERROR';
    // Chromium registers no service worker from an origin whose certificate it does not trust, and
    // the test's certificate is self-signed: the app works without one (decision 0025)
    const NO_WORKER = 'console: An SSL certificate error occurred when fetching the script.';
    const unexpected = (problem: string) => problem !== DROPPED && problem !== NO_WORKER;
    const droppedStreams: string[] = [];
    p.on('console', (message) => {
      if (`console: ${message.text()}` === DROPPED) droppedStreams.push(message.location().url);
    });
    try {
      await parentWithMap(p, proxy.url, 'roos-ouder', TITLE);
      // set once; a reload of the page would lose it
      await p.evaluate(() => {
        (window as unknown as { nkNoReload: boolean }).nkNoReload = true;
      });
      const link = await inviteByLink(p);
      expect(link.startsWith(`${proxy.url}/doe-mee#`)).toBe(true);

      // The parent's screen holds one event stream, on one instance: that instance dies.
      await until('one open stream', openStreams, (open) => open.reduce((a, b) => a + b) === 1);
      const killed = instances.find((instance) => instance.openStreams === 1);
      if (!killed) throw new Error('no instance holds the stream');
      await killed.kill();
      // The client opens it again through the proxy, on another instance.
      await until('the stream back on another instance', openStreams, (open) =>
        open.some((count, index) => count === 1 && instances[index] !== killed),
      );
      const holder = instances.find((instance) => instance.openStreams === 1);
      if (!holder) throw new Error('no instance holds the stream');
      const restarted = killed.start();

      // The nurse joins while the killed instance starts again; the parent's open screen shows it.
      const code = await joinByLink(n, link, NURSE);
      expect(await pendingCode(p, NURSE.name)).toBe(code);
      await restarted;
      await approve(p, NURSE.name, 'Hulpverlener');
      await joinerOpensMap(n, TITLE);
      await until(
        'both streams open, the parent’s still where it was',
        openStreams,
        (open) => open.reduce((a, b) => a + b) === 2 && holder.openStreams >= 1,
      );

      // While she writes her card, the LISTEN connection of the instance holding the parent's stream
      // is cut whenever it is there: that instance hears nothing from the others meanwhile.
      const listener = holder.currentRun.find((line) => typeof line['listener'] === 'string');
      const application = String(listener?.['listener']);
      expect(application).toMatch(/^netwerkkaart-events-[0-9a-f]{8}$/);
      const cutAt = holder.currentRun.length;
      const cut = holdListenerDown(application);
      let card = CARD;
      let cardWentTo = '';
      let terminated: number;
      try {
        const degraded = await until(
          'health degraded while LISTEN is cut',
          () => holder.health(),
          (body) => body['status'] !== 'ok',
          20_000,
        );
        expect(degraded).toEqual({
          status: 'degraded',
          database: 'postgres',
          reasons: ['live_events_down'],
        });
        // Until a save lands on another instance than the cut one (the proxy decides): the parent's
        // screen then learns of it from the resync after the heal. At most five saves.
        for (let saves = 1; ; saves += 1) {
          card = saves === 1 ? CARD : { ...CARD, when: `${CARD.when} (${saves})` };
          await writeCard(n, card);
          const went = await until(
            'the card save in the access log',
            () => [...proxy.logs().matchAll(CARD_SAVE)].map((match) => match[1]),
            (upstreams) => upstreams.length === saves,
            10_000,
          );
          cardWentTo = went.at(-1) ?? '';
          if (cardWentTo !== holder.url.replace('http://', '') || saves === 5) break;
        }
        // an outage of some seconds around the write, as the backoff grows (0.25 s, 0.5 s, 1 s, …)
        await until(
          'cut three times',
          () => cut.terminated,
          (count) => count >= 3,
          30_000,
        );
      } finally {
        terminated = await cut.stop();
      }
      expect(terminated).toBeGreaterThan(0);
      // It heals by itself, says so, and the parent's screen shows the card without a reload.
      await until(
        'health ok again',
        () => holder.health(),
        (body) => body['status'] === 'ok',
        30_000,
      );
      expect(
        holder.currentRun
          .slice(cutAt)
          .some((line) => line.msg === 'event listener connection is back'),
      ).toBe(true);
      await member(p, NURSE.name)
        .getByTestId('member-card')
        .filter({ hasText: card.when })
        .waitFor({ timeout: 30_000 });
      await screenshot(p, 'multi-instance-card-arrived');
      const withCard = await readBack(acknowledged, proxy.url, {
        reader: 'parent',
        cards: true,
        ca: proxy.certificate,
      });
      expect(withCard.missing).toEqual([]);
      expect(acknowledged.cards.length).toBeGreaterThanOrEqual(1);

      // Removal: the nurse's open screen says at once that she has no access any more.
      await member(p, NURSE.name).getByRole('button', { name: 'Van de kaart halen' }).click();
      await member(p, NURSE.name)
        .getByRole('button', { name: `Ja, haal ${NURSE.name} van de kaart` })
        .click();
      await expect.poll(() => member(p, NURSE.name).count(), { timeout: 30_000 }).toBe(0);
      await n.getByTestId('no-access').filter({ hasText: NO_ACCESS }).waitFor({ timeout: 30_000 });
      await screenshot(n, 'multi-instance-removed');
      await expect(
        p.evaluate(() => (window as unknown as { nkNoReload?: boolean }).nkNoReload),
      ).resolves.toBe(true);

      // The restarted instance takes requests through the proxy again (after nginx's fail_timeout).
      const before = killed.requestsThisRun;
      await until(
        'the restarted instance answers through the proxy',
        async () => {
          await getJson(proxy.url, '/api/health', {}, proxy.certificate);
          return killed.requestsThisRun;
        },
        (count) => count > before,
        30_000,
      );

      // Everything acknowledged reads back: through the proxy, and from each instance on its own.
      await acknowledged.settled();
      expect(acknowledged.unreadable).toEqual([]);
      const versions = [...acknowledged.versions.values()].reduce((sum, v) => sum + v.size, 0);
      const records = [...acknowledged.records.values()].reduce((sum, r) => sum + r.size, 0);
      // the first version, the card's and the removal's re-keyed one at least; INIT, ADD, REMOVE…
      expect(versions).toBeGreaterThanOrEqual(2);
      expect(records).toBeGreaterThanOrEqual(3);
      expect(acknowledged.keyrings.size).toBe(2);
      for (const base of [proxy.url, ...instances.map((instance) => instance.url)]) {
        const back = await readBack(acknowledged, base, {
          reader: 'parent',
          cards: false,
          ca: proxy.certificate,
        });
        expect(back.missing, base).toEqual([]);
        expect(back.checked).toBe(versions + records + acknowledged.keyrings.size);
      }

      // (a read cut by the kill after its answer began would show here too; the page reads it again)
      expect(droppedStreams).toContain(`${proxy.url}/api/maps/${mapIdOf(p.url())}/events`);
      for (const url of droppedStreams) expect(url.startsWith(`${proxy.url}/api/maps/`)).toBe(true);
      expect(parent.problems.filter(unexpected)).toEqual([]);
      expect(nurse.problems.filter((problem) => problem !== NO_WORKER)).toEqual([]);
      console.log(
        `multi-instance flow took ${Date.now() - started} ms; killed ${killed.name}, ` +
          `cut the LISTEN of ${holder.name} (${holder.url}) ${terminated}×, the last of ` +
          `${acknowledged.cards.length} card saves went to ${cardWentTo}; read back ${versions} ` +
          `versions, ${records} log records, the newest card, 2 keyrings`,
      );
    } catch (error) {
      console.error(logs());
      throw error;
    }
  }, 360_000);
});
