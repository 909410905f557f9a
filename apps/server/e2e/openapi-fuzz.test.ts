import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, inbound } from '@switchboard/whatsapp-simulator';
import { startTestServerWithSimulator } from '@switchboard/test-support/harness';

/** Installed by scripts/setup.sh from PyPI into a venv of its own. */
const SCHEMATHESIS =
  process.env.SCHEMATHESIS_BIN ??
  join(
    process.env.SWITCHBOARD_CACHE_DIR ?? join(homedir(), '.cache', 'switchboard'),
    'schemathesis-venv',
    'bin',
    'schemathesis',
  );

/**
 * Operations left out of the fuzzing, each for a reason:
 * - login: thousands of wrong passwords only exercise the brute-force limit, which abuse.test.ts checks exactly.
 */
const EXCLUDED_PATHS = ['/api/auth/login'];

let server: Awaited<ReturnType<typeof startTestServerWithSimulator>>;
let token: string;
beforeAll(async () => {
  server = await startTestServerWithSimulator();
  token = await server.login();
  // Some real data, so generated ids and filters meet something besides emptiness.
  await server.deliver(
    envelope({ messages: [inbound.text({ from: '5511962000001', body: 'quero cancelar meu pedido' })] }),
  );
}, 60_000);
afterAll(() => server.close());

function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('the API against its own OpenAPI document (schemathesis)', () => {
  it('no generated request gets a 5xx, and every response matches the document', { timeout: 300_000 }, async () => {
    expect(existsSync(SCHEMATHESIS), `schemathesis not found at ${SCHEMATHESIS}: run bash scripts/setup.sh`).toBe(true);
    const { code, output } = await run(
      SCHEMATHESIS,
      [
        'run',
        `${server.url}/api/openapi.json`,
        '--url',
        server.url,
        '--header',
        `Authorization: Bearer ${token}`,
        '--checks',
        'not_a_server_error,response_schema_conformance',
        '--max-examples',
        '15',
        '--max-time',
        '150',
        '--seed',
        '20261121',
        '--workers',
        '1',
        '--request-timeout',
        '20',
        '--suppress-health-check',
        'too_slow',
        ...EXCLUDED_PATHS.flatMap((path) => ['--exclude-path', path]),
      ],
      240_000,
    );
    if (code !== 0) console.log(output);
    expect(code, output.slice(-6000)).toBe(0);
  });
});
