import { KeyedQueue } from '@switchboard/concurrency';
import type { ConversationEventDTO } from '@switchboard/shared';
import type { Logger } from '../lib/logger.js';
import type { Facts, FactsCache } from './conversation-facts.js';
import { cellOf, decide, receiptTallies } from './report-rules.js';
import type { RollupWriter } from './rollup-writer.js';
import { applyTally, type Tally } from './tally.js';

/** An SLA target that ended: met, or missed though its breach had not been recorded yet. */
export type SlaSettled = { conversationId: string; kind: string; outcome: 'met' | 'late'; at: Date };

const REMEMBERED_RECEIPTS = 20_000;
const SAVE_ATTEMPTS = 3;

/**
 * Turns the conversation log's changes into report counts, as they happen: one conversation's changes in
 * order (a queue per conversation), decided by report-rules.ts from the facts kept between changes, and
 * handed to the RollupWriter. Facts are saved compare-and-set, so two processes applying changes of one
 * conversation cannot both count one transition.
 */
export class ReportReducer {
  private readonly queue = new KeyedQueue();
  private readonly early = new Map<string, Date[]>();
  /** Receipts counted per message, so a late delivery receipt after the read one counts nothing. */
  private readonly receipts = new Map<string, { delivered: boolean; read: boolean }>();

  constructor(
    private readonly facts: FactsCache,
    private readonly writer: RollupWriter,
    private readonly logger: Logger,
  ) {}

  accept(event: ConversationEventDTO): Promise<void> {
    return this.queue
      .run(event.conversationId, () => this.apply(event))
      .catch((error: unknown) => {
        this.logger.error({ err: error, conversationId: event.conversationId }, 'report counts of a change failed');
      });
  }

  settled(settled: SlaSettled): Promise<void> {
    return this.queue
      .run(settled.conversationId, async () => {
        const facts = await this.facts.store.load(settled.conversationId);
        const counter = settled.outcome === 'met' ? `slaMet_${settled.kind}` : `slaBreached_${settled.kind}`;
        this.writer.count(settled.at, cellOf(facts), counter as `slaMet_${string}`);
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'report count of an SLA target failed'));
  }

  /** Resolves once every change accepted so far is counted (and handed to the writer). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async apply(event: ConversationEventDTO): Promise<void> {
    const id = event.conversationId;
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const basis = attempt === 0 ? await this.facts.current(id, event.seq) : await this.facts.store.load(id);
      if (basis && basis.seq >= event.seq) return this.applyStale(event, basis);
      const { next, tallies } = decide(event, basis, this.early.get(id) ?? []);
      if (event.type === 'message:created' && !next && event.data.direction === 'inbound') {
        this.early.set(id, [...(this.early.get(id) ?? []), new Date(event.data.sentAt)]);
      }
      if (next && next !== basis && !(await this.facts.store.save(id, { ...next, seq: event.seq }, basis))) continue;
      if (next && event.type === 'conversation:updated') this.early.delete(id);
      this.facts.remember(id, event.seq, next ? { ...next, seq: next === basis ? next.seq : event.seq } : basis);
      this.write([...tallies, ...this.receiptsOf(event, next ?? basis)]);
      return;
    }
    this.logger.warn({ conversationId: id, seq: event.seq }, 'report facts kept changing; change not counted');
  }

  /**
   * Another process already applied a later change of this conversation: its transitions are decided
   * there. Only what does not depend on them is counted here (messages, receipts, timeline entries).
   */
  private applyStale(event: ConversationEventDTO, basis: Facts) {
    if (event.type === 'conversation:updated') return;
    const { tallies } = decide(event, { ...basis, responded: true }, []);
    this.write([...tallies, ...this.receiptsOf(event, basis)]);
  }

  private receiptsOf(event: ConversationEventDTO, facts: Facts | null): Tally[] {
    if (event.type !== 'message:status-updated') return [];
    const message = event.data;
    const { delivered, read } = message.statusTimestamps;
    // Without a memory of this message: a receipt that shows both was, most likely, the read after the delivery.
    const counted = this.receipts.get(message.id) ?? { delivered: Boolean(delivered && read), read: false };
    const tallies = receiptTallies(message, facts, counted);
    this.receipts.delete(message.id);
    this.receipts.set(message.id, {
      delivered: counted.delivered || Boolean(delivered || read),
      read: counted.read || Boolean(read),
    });
    if (this.receipts.size > REMEMBERED_RECEIPTS) this.receipts.delete(this.receipts.keys().next().value!);
    return tallies;
  }

  private write(tallies: Tally[]) {
    for (const tally of tallies) applyTally(this.writer, tally);
  }
}
