import { connectDatabase } from '@switchboard/server';
import { createModels, keyedId, TokenService } from '@switchboard/server/internals';
import { DEFAULT_PHONE_NUMBER_ID } from '@switchboard/whatsapp-simulator';
import { fillHistory, type FillReport, type FillSize } from '../growth-fill.js';
import { describeMachine, loadAverage } from '../machine.js';
import {
  burstPhase,
  BURST_CUSTOMERS,
  burstPhone,
  measured,
  startProcessingStack,
  type PhaseFigures,
  type ProcessingStack,
} from '../processing-stack.js';
import { flushOfflineReplies, writeOfflineReplies } from '../reply-flush.js';
import type { Scenario, ScenarioResult } from '../result.js';
import { ensureChannel } from '../seed.js';
import { BENCH_SECRETS, freshDatabaseName, startDatabase, type Database } from '../stack.js';
import { ratios, round } from '../stats.js';

/** BENCH_GROWTH_CONVERSATIONS shrinks the fill for a quick try of the scenario itself (its figures then say so). */
const FILL: FillSize = { conversations: Number(process.env.BENCH_GROWTH_CONVERSATIONS ?? 100_000), messagesEach: 10 };
const GROWTH_FACTOR = 1.25;
const ROUTING_PASSES = 3;
const REPLIES = 200;
const REPLY_CONVERSATIONS = 10;
const FLUSH_TIMEOUT_MS = 300_000;

type Measurements = Record<
  'processingNew' | 'processingOngoing' | 'routingPass' | 'slaCheck' | 'replyFlush',
  PhaseFigures
>;

/**
 * An agent of the queue the burst's conversations wait in (away, so routing leaves them waiting), who answers
 * them from the desktop: what they see is those conversations, whatever the history holds.
 */
async function queueAndAgent(stack: ProcessingStack): Promise<string> {
  const queue = await stack.app.services.queues.create(
    { name: 'Growth', intents: [], languages: [], mode: 'auto', fallback: true },
    // The audit log names who made a change; the bench sets its queue up as a nameless admin.
    { id: '000000000000000000000000', name: 'bench', role: 'admin' },
  );
  const agent = await stack.watch.User.create({
    email: 'growth-agent@bench.local',
    name: 'Growth agent',
    role: 'agent',
    passwordHash: 'not-used-by-the-bench',
    queueIds: [queue.id],
    statusChoice: 'away',
  });
  return (await new TokenService(BENCH_SECRETS.JWT_SECRET, 12).issue(agent._id.toHexString())).token;
}

/** The same work, on a database that holds only it: processing, a routing pass, an SLA check pass, a reply flush. */
async function measureAll(stack: ProcessingStack): Promise<Measurements> {
  const token = await queueAndAgent(stack);
  const processingNew = await burstPhase(stack, 1);
  const processingOngoing = await burstPhase(stack, 2);
  // Passes vary with what else the machine does: the median of a few.
  const passes: PhaseFigures[] = [];
  for (let i = 0; i < ROUTING_PASSES; i++)
    passes.push(await measured(stack, 1, async () => void (await stack.app.routingWorker.pass())));
  const routingPass = passes.sort((a, b) => Number(a.msPerMessage) - Number(b.msPerMessage))[1]!;
  // Every running SLA timer of the burst's conversations made due now, then checked until none is due.
  const due = await stack.watch.SlaTimer.updateMany({}, { $set: { nextCheckAt: new Date(0) } });
  const slaCheck = await measured(stack, Math.max(1, due.modifiedCount), async () => {
    while (await stack.app.services.sla.checkDue());
  });
  const conversationIds = await burstConversations(stack);
  const offline = await writeOfflineReplies({
    url: stack.url,
    token,
    conversationIds,
    replies: REPLIES,
    timeoutMs: FLUSH_TIMEOUT_MS,
    presynced: true,
  });
  const replyFlush = await measured(stack, REPLIES, async () => {
    const flush = await flushOfflineReplies(offline, FLUSH_TIMEOUT_MS).finally(offline.remove);
    if (!flush.finished || flush.refused > 0)
      throw new Error(`the flush ended with ${flush.acknowledged} acknowledged, ${flush.refused} refused`);
  });
  return { processingNew, processingOngoing, routingPass, slaCheck, replyFlush };
}

/** The burst customers' conversations, found as the server finds them: contact -> slot -> conversation, by id. */
async function burstConversations(stack: ProcessingStack): Promise<string[]> {
  const channelId = keyedId('channel', DEFAULT_PHONE_NUMBER_ID);
  const ids: string[] = [];
  for (let c = 0; c < Math.min(REPLY_CONVERSATIONS, BURST_CUSTOMERS); c++) {
    const contactId = keyedId('contact', `wa:${burstPhone(c)}`);
    const slot = await stack.watch.ConversationSlot.findById(
      keyedId('slot', `${contactId.toHexString()}:${channelId.toHexString()}`),
    ).orFail();
    ids.push(slot.conversationId.toHexString());
  }
  return ids;
}

async function fill(database: Database, dbName: string): Promise<FillReport> {
  const connection = await connectDatabase(database.uri, dbName);
  try {
    const models = createModels(connection);
    // The indexes first, as the server would have them while its history grew.
    await Promise.all(Object.values(models).map((model) => model.init()));
    const channelId = await ensureChannel(models);
    return await fillHistory(models, channelId, FILL, (done) => {
      if (done % 10_000 === 0) console.error(`[bench] growth: ${done} of ${FILL.conversations} conversations filled`);
    });
  } finally {
    await connection.close();
  }
}

async function withStack<T>(database: Database, dbName: string, work: (stack: ProcessingStack) => Promise<T>) {
  const stack = await startProcessingStack(database, dbName);
  try {
    return await work(stack);
  } finally {
    await stack.stop();
  }
}

/**
 * Costs that stay flat as the data grows: the same work on an empty database and on one filled first with
 * 100,000 conversations and 1,000,000 messages of history (through the driver, insertMany). Opt-in: the
 * fill alone takes minutes.
 */
export const growthScenario: Scenario = {
  name: 'growth',
  optIn: true,
  describe: `processing, a routing pass, an SLA check and a reply flush on an empty database and on one with ${FILL.conversations.toLocaleString('en')} conversations and ${(FILL.conversations * FILL.messagesEach).toLocaleString('en')} messages (opt-in, long)`,
  async run() {
    const database = await startDatabase();
    try {
      const emptyLoad = loadAverage();
      const empty = await withStack(database, freshDatabaseName(), measureAll);
      const filledName = freshDatabaseName();
      const fillLoad = loadAverage();
      const filled = await fill(database, filledName);
      const grownLoad = loadAverage();
      const grown = await withStack(database, filledName, measureAll);
      const conditions = (load: number[], what: string) => ({
        machine: describeMachine(),
        database: database.kind,
        processes: 1,
        sockets: 0,
        rate: null,
        duration: what,
        loadAverageAtStart: load,
        loadAverageEmptyRun: emptyLoad,
      });
      const rows: ScenarioResult[] = [
        {
          name: 'growth-fill',
          conditions: conditions(fillLoad, 'until filled'),
          figures: {
            conversations: filled.conversations,
            messages: filled.messages,
            contacts: filled.contacts,
            fillMs: filled.ms,
            fillMinutes: round(filled.ms / 60_000, 1),
          },
          baselineFigures: null,
          ratios: null,
          notes: [
            'contacts, resolved conversations (with their slots) and their messages, inserted through the driver 1,000 per insertMany, after the indexes were built',
          ],
        },
      ];
      const units: Record<keyof Measurements, string> = {
        processingNew: 'per message (one webhook of 200 messages opening 20 conversations)',
        processingOngoing: 'per message (the same 20 conversations again)',
        routingPass: `per pass (the median of ${ROUTING_PASSES})`,
        slaCheck: 'per due timer (every running timer of the 20 conversations made due)',
        replyFlush: `per reply (${REPLIES} offline replies over ${REPLY_CONVERSATIONS} conversations, a desktop engine that had synced before, an agent of the conversations' queue; the engine's sync on start is inside the time)`,
      };
      for (const key of Object.keys(units) as (keyof Measurements)[]) {
        const ours = grown[key];
        const base = empty[key];
        const ratio = Number(ours.msPerMessage) / Number(base.msPerMessage);
        rows.push({
          name: `growth-${key}`,
          conditions: conditions(grownLoad, units[key]),
          figures: ours,
          baselineFigures: base,
          ratios: ratios(ours, base),
          target: {
            description: `within ${GROWTH_FACTOR}x of the empty database's time (${round(ratio, 2)}x)`,
            met: ratio <= GROWTH_FACTOR,
          },
          notes: [
            `figures: on the filled database; baseline: the same work on an empty one, in the same run; "msPerMessage" etc. are ${units[key]}`,
          ],
        });
      }
      return rows;
    } finally {
      await database.stop();
    }
  },
};
