// npm run seed:demo -- [--url http://127.0.0.1:8080]
// Creates the three demo families of docs/domain.md on a RUNNING server, through its API and the
// same crypto as the web app: accounts, maps, professionals joined with the parent's approval,
// their cards. Prints how to log in as each. Run it again and it creates nothing twice.
// The passphrases are fixed and printed: demo data only, never for a real family.
import { parseArgs } from 'node:util';
import { ApiFailure } from './demo/api.js';
import { seedDemo, SeedError, type LoginRow } from './demo/seed.js';

const USAGE = 'usage: npm run seed:demo -- [--url http://127.0.0.1:8080]';

function table(rows: LoginRow[]): string {
  const header: LoginRow = {
    who: 'who',
    username: 'username',
    passphrase: 'passphrase',
    sees: 'what they will see',
  };
  const all = [header, ...rows];
  const width = (key: keyof LoginRow) => Math.max(...all.map((row) => row[key].length));
  const w = { who: width('who'), username: width('username'), passphrase: width('passphrase') };
  const line = (row: LoginRow) =>
    `  ${row.who.padEnd(w.who)}  ${row.username.padEnd(w.username)}  ${row.passphrase.padEnd(w.passphrase)}  ${row.sees}`;
  const rule = `  ${'-'.repeat(w.who)}  ${'-'.repeat(w.username)}  ${'-'.repeat(w.passphrase)}  ${'-'.repeat(18)}`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

let url: string;
try {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:8080' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  url = values.url;
  new URL(url);
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

try {
  console.log(`Seeding the demo families on ${url} …`);
  const result = await seedDemo({ url, log: (line) => console.log(line) });
  const seconds = (result.ms / 1000).toFixed(1);
  console.log(
    result.status === 'created'
      ? `\nDemo families created in ${seconds} s.`
      : `\nThe demo families are already there; nothing was created (${seconds} s).`,
  );
  console.log(`Open ${url} and log in with:\n`);
  console.log(table(result.rows));
  console.log(
    '\nThese passphrases are fixed and public: demo data only. Never use these accounts for a real family.',
  );
} catch (error) {
  if (error instanceof SeedError || error instanceof ApiFailure) {
    console.error(`seed:demo: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
