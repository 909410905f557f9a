import { describeMachine, loadAverage } from '../machine.js';
import {
  burstPhase,
  BURST_CUSTOMERS,
  BURST_MESSAGES_EACH,
  openLoopPhase,
  startProcessingStack,
  type PhaseFigures,
} from '../processing-stack.js';
import type { Scenario, ScenarioResult } from '../result.js';
import { freshDatabaseName, startDatabase } from '../stack.js';

/** Issue 16's targets: database commands per message. */
export const ONGOING_TARGET = 3;
export const NEW_TARGET = 5;

/** Prefixes a phase's figures with its name: `newConversations` + `MsPerMessage`. */
export const named = (phase: string, figures: PhaseFigures) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [`${phase}${k[0]!.toUpperCase()}${k.slice(1)}`, v]));

export const commandsTarget = (newFigures: PhaseFigures, ongoingFigures: PhaseFigures) => ({
  description: `at most ${ONGOING_TARGET} database commands per message of an ongoing conversation and ${NEW_TARGET} per message that opens one (new: ${newFigures.dbCommandsPerMessage}, ongoing: ${ongoingFigures.dbCommandsPerMessage})`,
  met:
    Number(ongoingFigures.dbCommandsPerMessage) <= ONGOING_TARGET &&
    Number(newFigures.dbCommandsPerMessage) <= NEW_TARGET,
});

/**
 * The inbound path end to end, in-process so every database command can be counted and the server's CPU
 * read apart from the database's. Two rows: one webhook of 200 messages (20 customers, 10 each) for new
 * and then the same, now ongoing conversations (the scenario's figures since the first session); and
 * single-message webhooks at 50 a second, each opening a conversation, then into ongoing ones.
 */
export const processingScenario: Scenario = {
  name: 'processing',
  describe: 'inbound processing: ms, server and database CPU and database commands per message (new and ongoing)',
  async run() {
    const database = await startDatabase();
    const stack = await startProcessingStack(database, freshDatabaseName());
    try {
      const burstLoad = loadAverage();
      const burstNew = await burstPhase(stack, 1);
      const burstOngoing = await burstPhase(stack, 2);
      const openLoad = loadAverage();
      const openNew = await openLoopPhase(stack, true, 3);
      const openOngoing = await openLoopPhase(stack, false, 4);
      const perMessage = BURST_CUSTOMERS * BURST_MESSAGES_EACH;
      return [
        processingRow('processing', database.kind, burstLoad, burstNew, burstOngoing, {
          rate: `one webhook of ${perMessage} messages (${BURST_CUSTOMERS} customers x ${BURST_MESSAGES_EACH}) per phase`,
          duration: 'until processed',
        }),
        processingRow('processing@50', database.kind, openLoad, openNew, openOngoing, {
          rate: '50 single-message webhooks a second for 5 s per phase (new: a new customer each; ongoing: the 20 customers above)',
          duration: 'until processed',
        }),
      ];
    } finally {
      await stack.stop();
      await database.stop();
    }
  },
};

export function processingRow(
  name: string,
  database: string,
  load: number[],
  newFigures: PhaseFigures,
  ongoingFigures: PhaseFigures,
  conditions: { rate: string; duration: string; [more: string]: unknown },
): ScenarioResult {
  return {
    name,
    conditions: {
      machine: describeMachine(),
      database,
      processes: 1,
      sockets: 0,
      loadAverageAtStart: load,
      ...conditions,
    },
    figures: { ...named('newConversations', newFigures), ...named('ongoingConversations', ongoingFigures) },
    baselineFigures: null,
    ratios: null,
    target: commandsTarget(newFigures, ongoingFigures),
    notes: [
      'db commands: every command the app sent (the driver\'s command monitoring), background loops (routing, SLA, outbox) included; "processed" is watched on a connection of its own, not counted',
      'serverCpuMsPerMessage: process.cpuUsage of this process (the server runs in it; the load driver is a small part); databaseCpuMsPerMessage: the FerretDB process, from /proc/<pid>/stat',
    ],
  };
}
