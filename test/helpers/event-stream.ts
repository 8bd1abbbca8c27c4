// Reads a map's Server-Sent Event stream over real HTTP, as the client does (fetch with the capability header).

export interface EventStreamReader {
  /** Event names received so far, in order. */
  readonly names: readonly string[];
  /** Resolves with the index of the first `name` at or after `from`; rejects after `timeoutMs`. */
  waitFor(name: string, options?: { from?: number; timeoutMs?: number }): Promise<number>;
  close(): void;
}

/** Opens GET /api/maps/:mapId/events at `baseUrl` and resolves once the server said `: connected`. */
export async function openEventStream(
  baseUrl: string,
  mapId: string,
  capability: string,
): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/maps/${mapId}/events`, {
    headers: { 'nk-capability': capability, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200 || response.body === null) {
    throw new Error(`event stream answered ${response.status}`);
  }
  const names: string[] = [];
  const waiters = new Set<() => void>();
  let connected: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (connected = resolve));
  let ended = false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(': connected')) connected();
          const line = block.split('\n').find((l) => l.startsWith('event:'));
          if (line !== undefined) names.push(line.slice(6).trim());
          for (const wake of [...waiters]) wake();
        }
      }
    } catch {
      // aborted by close()
    }
    ended = true;
    for (const wake of [...waiters]) wake();
  })();
  await opened;

  const waitFor: EventStreamReader['waitFor'] = (name, { from = 0, timeoutMs = 10_000 } = {}) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const index = names.indexOf(name, from);
        if (index >= 0 || ended) {
          waiters.delete(check);
          clearTimeout(timer);
          if (index >= 0) resolve(index);
          else reject(new Error(`stream ended without ${name}: ${names.join(', ')}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${name} within ${timeoutMs} ms: ${names.join(', ')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return { names, waitFor, close: () => abort.abort() };
}
