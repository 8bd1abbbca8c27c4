// Debian's nginx on loopback, running deploy/nginx.conf with the test's ports and a fresh self-signed
// certificate; everything (pid, logs, temp files) in one temp dir, removed by stop().
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { userInfo, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { portAnswers } from './instances.js';

const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const TEMPLATE = resolve('deploy/nginx.conf');

export interface NginxOptions {
  httpsPort: number;
  httpPort: number;
  upstreamPorts: number[];
}

export interface Nginx {
  /** https://127.0.0.1:<port> */
  readonly url: string;
  /** http://127.0.0.1:<port>, which only redirects. */
  readonly plainUrl: string;
  /** The self-signed certificate (PEM), for clients that check it. */
  readonly certificate: string;
  /** The error log and the access log (with the instance that answered), for a failure message. */
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Fills in deploy/nginx.conf: the upstream ports, loopback listen addresses and the certificate.
 * Every change must match exactly as often as expected, so a changed template fails loudly here.
 */
export function fillTemplate(template: string, options: NginxOptions & { dir: string }): string {
  let text = template;
  const replace = (pattern: RegExp, by: string | ((match: string) => string), times: number) => {
    const found = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
    if (found !== times)
      throw new Error(`deploy/nginx.conf: ${pattern} found ${found}×, not ${times}×`);
    text = text.replace(new RegExp(pattern.source, 'gm'), typeof by === 'string' ? () => by : by);
  };
  // the upstream lines keep their parameters (max_fails, fail_timeout); only the ports change
  const ports = [...options.upstreamPorts];
  replace(
    /^ {4}server 127\.0\.0\.1:\d+/,
    () => `    server 127.0.0.1:${ports.shift()}`,
    ports.length,
  );
  // fewer instances than the template lists come as repeated ports: each instance once
  const seen = new Set<string>();
  text = text.replace(/^ {4}server 127\.0\.0\.1:\d+.*\n/gm, (line) =>
    seen.has(line) ? '' : (seen.add(line), line),
  );
  // loopback only: a CI container may have no IPv6
  replace(/^ {4}listen \[::\]:.*\n/, '', 2);
  replace(/^ {4}listen 80;$/, `    listen 127.0.0.1:${options.httpPort};`, 1);
  replace(/^ {4}listen 443 ssl http2;$/, `    listen 127.0.0.1:${options.httpsPort} ssl http2;`, 1);
  replace(/^ {4}ssl_certificate \S+;$/, `    ssl_certificate ${join(options.dir, 'cert.pem')};`, 1);
  replace(
    /^ {4}ssl_certificate_key \S+;$/,
    `    ssl_certificate_key ${join(options.dir, 'key.pem')};`,
    1,
  );
  // the only test-side addition: which instance answered what, to explain a failure
  replace(
    /^ {4}access_log off;$/,
    `    access_log ${join(options.dir, 'access.log')} upstream;`,
    1,
  );
  return text;
}

/** The main config around the site file: as Debian's /etc/nginx/nginx.conf, but in `dir`. */
function mainConfig(dir: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`)
    .join('\n');
  // as root the workers would drop to nobody, who cannot enter this temp dir
  const user = process.getuid?.() === 0 ? `user ${userInfo().username};\n` : '';
  return `${user}worker_processes 1;
error_log ${join(dir, 'error.log')} info;
events { worker_connections 512; }
http {
  log_format upstream '$time_iso8601 $request_method $uri $status $upstream_addr $upstream_status $request_time';
${temp}
  include ${join(dir, 'netwerkkaart.conf')};
}
`;
}

export async function startNginx(options: NginxOptions): Promise<Nginx> {
  for (const port of [options.httpsPort, options.httpPort])
    if (await portAnswers(port)) throw new Error(`nginx: port ${port} is in use`);
  const dir = mkdtempSync(join(tmpdir(), 'nk-e2e-nginx-'));
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    ],
    { stdio: 'ignore' },
  );
  writeFileSync(
    join(dir, 'netwerkkaart.conf'),
    fillTemplate(readFileSync(TEMPLATE, 'utf8'), { ...options, dir }),
  );
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, mainConfig(dir));
  const pid = join(dir, 'nginx.pid');
  const args = ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf];
  const globals = `daemon off; pid ${pid};`;
  // -t first: a config error is then a clear message instead of a server that never answers
  execFileSync(NGINX, [...args, '-g', globals, '-t'], { stdio: 'pipe' });
  const child: ChildProcess = spawn(NGINX, [...args, '-g', globals], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  child.once('exit', () => (running = false));
  const url = `https://127.0.0.1:${options.httpsPort}`;
  const read = (name: string) =>
    existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '';
  const nginx: Nginx = {
    url,
    plainUrl: `http://127.0.0.1:${options.httpPort}`,
    certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    logs: () =>
      `--- nginx error.log\n${read('error.log')}\n--- nginx access.log\n${read('access.log')}`,
    async stop() {
      if (running) {
        // fast shutdown: open event streams would hold a graceful one (SIGQUIT) for an hour
        child.kill('SIGTERM');
        const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(late);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  process.once('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 30_000;
  while (!existsSync(pid) || !(await listening(options.httpPort))) {
    if (!running) throw new Error(`nginx exited:\n${nginx.logs()}`);
    if (Date.now() > deadline) throw new Error(`nginx did not start:\n${nginx.logs()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return nginx;
}

/** The plain-http server answers (a redirect), so nginx listens. */
async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' });
    return true;
  } catch {
    return false;
  }
}
