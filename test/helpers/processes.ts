// Real server processes for operations tests: spawned like a self-hoster would, stopped by their own id.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  /** Base URL from the line the server prints when it listens, e.g. http://127.0.0.1:43121 */
  url: string;
  /** Milliseconds from spawn until /api/health answered ok. */
  startedInMs: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** SIGTERM to the process group, then waits for the exit. */
  stop(): Promise<void>;
}

/** The environment of this test process without what vitest adds and what would pick another database. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VITEST') || key.startsWith('npm_') || key === 'NODE_ENV') continue;
    if (['DATABASE_URL', 'JWT_SECRET', 'STATIC_DIR', 'PORT', 'DATA_DIR'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...extra };
}

/** Spawns `command` in its own process group and waits until it serves /api/health. */
export async function startServerProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-(child.pid as number), 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await exited;
  };
  try {
    const url = await waitForHealth(child, () => output, started + options.timeoutMs);
    return { url, startedInMs: performance.now() - started, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(
  child: ChildProcess,
  output: () => string,
  deadline: number,
): Promise<string> {
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    const url = /draait op (http:\/\/\S+)/.exec(output())?.[1];
    if (url) {
      const health = await fetch(`${url}/api/health`).catch(() => undefined);
      if (health?.ok) return url;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`server did not answer /api/health in time:\n${output()}`);
}
