// Starts the real talentbridge server for the browser tests: a temp SQLite database with the
// demo data (--demo), the built web app (--web web/dist), a free loopback port. The demo logins
// are read from its output ("demo login: ROLE EMAIL PASSWORD").
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const E2E_DIR = resolve(here, '..');
export const ROOT = resolve(E2E_DIR, '../..');
export const WEB_DIST = join(ROOT, 'web/dist');

const ROLES = [
  'platform_admin',
  'institution_admin',
  'unit_staff',
  'enterprise_recruiter',
  'student',
  'observer',
];
const START_TIMEOUT_MS = 180_000; // a sanitizer build creating the demo data is slow

function binary() {
  const bin = process.env.TB_BINARY
    ? resolve(process.env.TB_BINARY)
    : join(ROOT, 'build/debug/talentbridge');
  if (!existsSync(bin)) {
    throw new Error(
      `no server binary at ${bin}: build it (cmake --build build/debug --target talentbridge) ` +
        'or set TB_BINARY',
    );
  }
  return bin;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launch(bin, dir, port) {
  const args = [
    'serve',
    '--db',
    `sqlite:${join(dir, 'e2e.db')}`,
    '--address',
    '127.0.0.1',
    '--port',
    String(port),
    '--threads',
    '2',
    '--demo',
    '--web',
    WEB_DIST,
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const logins = {};
  let exited = null;
  let partial = '';
  const onData = (chunk) => {
    const text = partial + chunk.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      output.push(line);
      const m = /^demo login: (\S+) (\S+) (\S+)\s*$/.exec(line);
      if (m) logins[m[1]] = { email: m[2], password: m[3] };
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const resp = await fetch(`${url}/api/v1/health`);
      if (resp.ok && ROLES.every((r) => logins[r])) {
        return { child, url, logins, output, exited: () => exited };
      }
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  if (!exited) child.kill('SIGKILL');
  const tail = output.slice(-20).join('\n');
  const missing = ROLES.filter((r) => !logins[r]);
  const reason = exited
    ? `exited (${exited.code ?? exited.signal})`
    : `not ready after ${START_TIMEOUT_MS / 1000}s`;
  const error = new Error(
    `talentbridge serve ${reason}` +
      (missing.length ? `; no demo login printed for: ${missing.join(', ')}` : '') +
      `\n--- its output ---\n${tail}`,
  );
  error.bindFailed = output.some((l) => l.includes('Address already in use'));
  throw error;
}

export async function startServer() {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(
      `${WEB_DIST}/index.html is missing: build the web app first (npm --prefix web run build)`,
    );
  }
  const bin = binary();
  const dir = mkdtempSync(join(tmpdir(), 'tb-e2e-'));
  let server;
  for (let attempt = 1; ; attempt++) {
    try {
      server = await launch(bin, dir, await freePort());
      break;
    } catch (e) {
      // Another process took the free port between the probe and the bind: try another one.
      if (!e.bindFailed || attempt >= 3) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
    }
  }

  async function stop() {
    const { child } = server;
    if (!server.exited()) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
    // Sanitizer reports in the server's output are failures of this run too.
    const bad = server.output.filter((l) =>
      /AddressSanitizer|LeakSanitizer|runtime error:/.test(l),
    );
    if (bad.length) {
      throw new Error(
        `the server reported sanitizer errors:\n${server.output.slice(-60).join('\n')}`,
      );
    }
  }

  return {
    url: server.url,
    logins: server.logins,
    output: server.output,
    stop,
  };
}
