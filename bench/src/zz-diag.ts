import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { seedAgents } from './seed.js';
import { freshDatabaseName, startDatabase, startServer } from './stack.js';
import { Swarm } from './swarm.js';
import { driveAtRate } from './driver.js';
import { parseExposition, samplesOf } from '../../apps/server/test-support/prometheus-text.js';
import { stopAllStarted } from './processes.js';

const rate = Number(process.argv[2] ?? 50);
const database = await startDatabase();
const dbName = freshDatabaseName();
import path from 'node:path';
import { freePort, repoRoot, startProcess, waitForHttp } from './processes.js';
import { BENCH_SECRETS } from './stack.js';
const port = await freePort();
const child = startProcess(process.execPath, [...(process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []), '--import', 'tsx', 'src/index.ts'], {
  cwd: path.join(repoRoot, 'apps/server'),
  env: { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...BENCH_SECRETS, MONGODB_URI: database.uri, MONGODB_DB_NAME: dbName },
});
const server = { url: `http://127.0.0.1:${port}`, child };
await waitForHttp(`${server.url}/healthz`, child, 90_000);
const tokens = await seedAgents(database.uri, dbName, Number(process.argv[3] ?? 500));
const swarm = Swarm.start();
await swarm.connect(tokens.map((token) => ({ url: server.url, token })));
await new Promise((r) => setTimeout(r, 8000));
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) / 100; };
const pids: Record<string, number> = { server: server.child.pid, swarm: (swarm as unknown as { child: { pid: number } }).child.pid };
for (const line of readFileSync('/proc/self/stat', 'utf8').split('\n')) void line;
import { execSync } from 'node:child_process';
const dbPort = new URL(database.uri).port;
const ferret = Number(execSync(`pgrep -f 'listen-addr=127.0.0.1:${dbPort}'`).toString().trim().split('\n')[0]);
pids.ferretdb = ferret;
const metric = async (name: string) => samplesOf(parseExposition(await (await fetch(`${server.url}/metrics`)).text()), name);
const counts = async () => {
  const m = new Map<string, number>();
  for (const s of await metric('switchboard_db_commands_total')) {
    const k = `${s.labels.collection}.${s.labels.command}`;
    m.set(k, (m.get(k) ?? 0) + s.value);
  }
  return m;
};
const pgPids = () => { try { return execSync('pgrep -u postgres').toString().trim().split('\n').map(Number); } catch { return []; } };
const pgBefore = new Map(pgPids().map((p) => [p, cpu(p)]));
const pgCpu = () => pgPids().reduce((sum, p) => { try { return sum + cpu(p) - (pgBefore.get(p) ?? 0); } catch { return sum; } }, 0);
const { io: connectIo } = await import('socket.io-client');
const spy = connectIo(server.url, { transports: ['websocket'], auth: { token: tokens[0] } });
const seenEvents = new Map<string, number>();
let changeEvents = 0;
spy.onAny((name: string, payload: unknown) => { seenEvents.set(name, (seenEvents.get(name) ?? 0) + 1); if (name === 'conversation:changes') { changeEvents += (payload as unknown[]).length; bytes += JSON.stringify(payload).length; for (const e of payload as { type: string }[]) byType.set(e.type, (byType.get(e.type) ?? 0) + JSON.stringify(e).length); if (!sample && (payload as { type: string }[]).some((e) => e.type === 'conversation:updated')) sample = JSON.stringify(payload); } });
let bytes = 0; let sample = ''; const byType = new Map<string, number>();
await new Promise((r) => setTimeout(r, 1000));
const dbBefore = await counts();
const durBefore = await metric('switchboard_db_command_duration_seconds_sum');
const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpu(p)]));
const t0 = Date.now();
const tag = `d-${randomBytes(3).toString('hex')}`;
const sampler = setInterval(async () => {
  const backlog = (await metric('switchboard_webhook_intake_backlog'))[0]?.value;
  const pushes = (await metric('switchboard_webhook_to_push_seconds_count'))[0]?.value;
  console.log(((Date.now() - t0) / 1000).toFixed(0), 's backlog', backlog, 'pushed', pushes, Object.entries(pids).map(([k, p]) => `${k} ${(cpu(p) - before[k]!).toFixed(1)}s`).join(' '));
}, 2000);
const drive = await driveAtRate({ targets: [server.url], path: '/webhooks/whatsapp', rate, durationS: 10, tag, customers: 100 });
const seen = await swarm.collect(tag, drive.sent, 15000);
clearInterval(sampler);
console.log('spy pushes', JSON.stringify([...seenEvents]), 'change events', changeEvents, 'bytes', bytes, JSON.stringify([...byType]));
console.log('SAMPLE', sample.slice(0, 4000));
console.log('complete', seen.messagesComplete, 'p50', seen.deliveries.p50, 'p99', seen.deliveries.p99, 'first p50', seen.firstReceipt.p50);
console.log('cpu total', Object.entries(pids).map(([k, p]) => `${k} ${(cpu(p) - before[k]!).toFixed(1)}s`).join(' '), 'postgres', pgCpu().toFixed(1), 'wall', ((Date.now() - t0) / 1000).toFixed(1));
const dbAfter = await counts();
console.log(JSON.stringify([...dbAfter].map(([k, v]) => [k, v - (dbBefore.get(k) ?? 0)]).filter(([, v]) => (v as number) > 0).sort((a, b) => (b[1] as number) - (a[1] as number)).slice(0, 25)));
const durAfter = await metric('switchboard_db_command_duration_seconds_sum');
const cntAfter = await metric('switchboard_db_command_duration_seconds_count');
console.log(durAfter.map((d) => `${d.labels.command} sum ${(d.value - (durBefore.find((b) => b.labels.command === d.labels.command)?.value ?? 0)).toFixed(2)}s n ${cntAfter.find((c) => c.labels.command === d.labels.command)?.value}`).join('\n'));
await swarm.stop();
if (process.env.PROF) { process.kill(server.child.pid!, 'SIGTERM'); await new Promise((r) => { server.child.process.once('exit', r); setTimeout(r, 60000); }); }
await stopAllStarted();
await database.stop();
process.exit(0);
