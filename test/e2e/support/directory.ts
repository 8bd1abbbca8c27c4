// The sociale kaart in browser tests: the fictional demo services imported into the test server's
// database, as `npm run directory:import` does, and a log of the page's directory requests.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { importDirectory } from '../../../server/directory/import.js';
import { directoryDb } from '../../../server/directory/schema.js';
import type { TestServer } from './server.js';

export const DEMO_FILE = 'scripts/demo-data/sociale-kaart-demo.json';

/** Imports the demo data set (fictional services in Delft, Rotterdam, Utrecht …); returns how many. */
export async function importDemoDirectory(server: TestServer): Promise<number> {
  const report = await importDirectory(directoryDb(server.app.db), {
    format: 'hsds',
    source: 'demo',
    data: await readFile(DEMO_FILE, 'utf8'),
    dryRun: false,
    now: Date.now(),
    engine: 'sqlite',
  });
  if (report.rejected.length > 0) throw new Error(`demo import rejected ${report.rejected.length}`);
  return report.services.created;
}

export interface LoggedRequest {
  readonly url: string;
  readonly method: string;
  /** Header names in lower case, as the browser sent them (cookies included). */
  readonly headers: Record<string, string>;
}

/** Records every request the page makes to /api/directory/ (with all headers as sent). */
export function logDirectoryRequests(page: Page): {
  requests: LoggedRequest[];
  settled(): Promise<void>;
} {
  const requests: LoggedRequest[] = [];
  const pending: Promise<void>[] = [];
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/directory/')) return;
    pending.push(
      request.allHeaders().then((headers) => {
        requests.push({ url: request.url(), method: request.method(), headers });
      }),
    );
  });
  return {
    requests,
    async settled() {
      await Promise.all(pending);
    },
  };
}
