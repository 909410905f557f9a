import { io, type Socket } from 'socket.io-client';
import { parseTimedText } from '../payloads.js';
import { percentiles, wallClockMs } from '../stats.js';
import { hears, queueOfCustomer, TEAM_QUEUES, type Member } from '../team.js';

/**
 * Hundreds of real Socket.IO clients in their own process (so decoding their pushes does not slow the load
 * driver), each timing every `message:created` whose text carries a send time (in the server's
 * `conversation:changes` pushes, or alone from the bare relay), and counting every push frame it receives.
 * Each socket is a team member (team.ts): a message is expected at the members of its queue and the
 * supervisors. Driven over IPC.
 */
export type SwarmTarget = { url: string; token: string | null; member: Member };
export type SwarmCommand =
  | { type: 'connect'; targets: SwarmTarget[] }
  | { type: 'mark' }
  | { type: 'collect'; tag: string; expected: number; customers: number; drainMs: number }
  | { type: 'close' };
export type SwarmReply =
  | { type: 'connected'; sockets: number; ms: number }
  | { type: 'marked' }
  | {
      type: 'collected';
      deliveries: ReturnType<typeof percentiles>;
      firstReceipt: ReturnType<typeof percentiles>;
      messagesComplete: number;
      expected: number;
      expectedReceipts: number;
      undeliveredReceipts: number;
      /** Push frames received by all sockets since the last mark, of any event. */
      frames: number;
    }
  | { type: 'failed'; error: string };

const sockets: Socket[] = [];
/** How many sockets hear a message of each queue. */
const audience = TEAM_QUEUES.map(() => 0);
let frames = 0;
type Run = { latencies: number[]; receipts: Map<number, number>; first: Map<number, number> };
const runs = new Map<string, Run>();
const finished = new Set<string>();
const send = (reply: SwarmReply) => process.send!(reply);

type Pushed = { type?: unknown; data?: { content?: { body?: unknown } } };

/** The server's batched changes; the bare relay's one `message:created` per message. */
function onChanges(events: Pushed[]) {
  const now = wallClockMs();
  for (const event of events) if (event.type === 'message:created') onCreated(event, now);
}

function onCreated(event: Pushed, now = wallClockMs()) {
  const body = event.data?.content?.body;
  if (typeof body !== 'string') return;
  const timed = parseTimedText(body);
  if (!timed || finished.has(timed.tag)) return;
  const latency = now - timed.sentAtMs;
  let run = runs.get(timed.tag);
  if (!run) runs.set(timed.tag, (run = { latencies: [], receipts: new Map(), first: new Map() }));
  run.latencies.push(latency);
  run.receipts.set(timed.n, (run.receipts.get(timed.n) ?? 0) + 1);
  if (!run.first.has(timed.n)) run.first.set(timed.n, latency);
}

async function connectAll(targets: SwarmTarget[]) {
  const started = Date.now();
  const BATCH = 25;
  for (const { member } of targets) TEAM_QUEUES.forEach((_, q) => (audience[q]! += hears(member, q) ? 1 : 0));
  for (let i = 0; i < targets.length; i += BATCH) {
    await Promise.all(
      targets.slice(i, i + BATCH).map(
        ({ url, token, member }) =>
          new Promise<void>((resolve, reject) => {
            const socket = io(url, {
              transports: ['websocket'],
              reconnection: false,
              query: { queues: member.queues.join(','), supervisor: member.supervisor ? '1' : '0' },
              ...(token ? { auth: { token } } : {}),
            });
            socket.onAny(() => void frames++);
            socket.on('conversation:changes', onChanges);
            socket.on('message:created', onCreated);
            socket.once('connect', () => resolve());
            socket.once('connect_error', reject);
            sockets.push(socket);
          }),
      ),
    );
  }
  send({ type: 'connected', sockets: sockets.length, ms: Date.now() - started });
}

/**
 * Waits until every message has reached its whole audience (or the drain time is up), then summarises. A
 * push that never came counts as an infinite latency, so a percentile that includes one reads as such.
 */
async function collect(tag: string, expected: number, customers: number, drainMs: number) {
  const audienceOf = (n: number) => audience[queueOfCustomer(n % customers)]!;
  const deadline = Date.now() + drainMs;
  const complete = () =>
    [...(runs.get(tag)?.receipts.entries() ?? [])].filter(([n, count]) => count >= audienceOf(n)).length;
  while (complete() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const messagesComplete = complete();
  finished.add(tag);
  const run = runs.get(tag) ?? { latencies: [], receipts: new Map<number, number>(), first: new Map<number, number>() };
  runs.delete(tag);
  let expectedReceipts = 0;
  for (let n = 0; n < expected; n++) expectedReceipts += audienceOf(n);
  const undelivered = Math.max(0, expectedReceipts - run.latencies.length);
  const neverFirst = Math.max(0, expected - run.first.size);
  send({
    type: 'collected',
    deliveries: percentiles([...run.latencies, ...Array<number>(undelivered).fill(Number.POSITIVE_INFINITY)]),
    firstReceipt: percentiles([...run.first.values(), ...Array<number>(neverFirst).fill(Number.POSITIVE_INFINITY)]),
    messagesComplete,
    expected,
    expectedReceipts,
    undeliveredReceipts: undelivered,
    frames,
  });
}

process.on('message', (command: SwarmCommand) => {
  const run = async () => {
    if (command.type === 'connect') await connectAll(command.targets);
    else if (command.type === 'mark') {
      frames = 0;
      send({ type: 'marked' });
    } else if (command.type === 'collect')
      await collect(command.tag, command.expected, command.customers, command.drainMs);
    else {
      for (const socket of sockets) socket.disconnect();
      process.exit(0);
    }
  };
  run().catch((error: unknown) =>
    send({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
});
