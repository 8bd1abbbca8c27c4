// Messages between the benchmark runner and a server child process.
export type ChildMessage =
  { type: 'ready'; port: number } | { type: 'cpu'; userMicros: number; systemMicros: number };

export type ParentMessage = { type: 'cpu' } | { type: 'stop' };

/** Answers CPU-usage requests and stops on demand; shared by both benchmark servers. */
export function serveParent(port: number, stop: () => Promise<void>): void {
  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      send({ type: 'cpu', userMicros: usage.user, systemMicros: usage.system });
    } else {
      void stop().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', port });
}
