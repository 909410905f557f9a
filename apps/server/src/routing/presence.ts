import { PRESENCE_TTL_MS, type AgentService } from './agents.service.js';

/**
 * How often a user's unchanged presence is written again: well inside the TTL, and not every routing pass
 * (with hundreds of agents connected, rewriting every presence every pass kept the database busy on its own).
 */
const REFRESH_EVERY_MS = PRESENCE_TTL_MS / 3;

/**
 * Counts this process's open sockets per user and keeps their presence fresh in the database, so routing
 * in any process knows who is online. A process that dies stops its heartbeat; its sockets then expire.
 */
export class PresenceTracker {
  private readonly sockets = new Map<string, number>();
  private readonly writtenAt = new Map<string, number>();
  /** Presence writes under way: closing waits for them, so none meets a closed database. */
  private readonly writing = new Set<Promise<void>>();

  constructor(private readonly agents: AgentService) {}

  async connected(userId: string): Promise<void> {
    const count = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, count);
    this.writtenAt.set(userId, Date.now());
    await this.track(this.agents.setSockets(userId, count));
  }

  async disconnected(userId: string): Promise<void> {
    const count = Math.max(0, (this.sockets.get(userId) ?? 1) - 1);
    if (count === 0) this.sockets.delete(userId);
    else this.sockets.set(userId, count);
    this.writtenAt.set(userId, Date.now());
    await this.track(this.agents.setSockets(userId, count));
  }

  /** Resolves once every presence write started so far has ended, however it ended. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writing]);
  }

  private track(write: Promise<void>): Promise<void> {
    this.writing.add(write);
    write.then(
      () => this.writing.delete(write),
      () => this.writing.delete(write),
    );
    return write;
  }

  /** Rewrites, in one write, the presence of every user whose last write is getting old. */
  async heartbeat(): Promise<void> {
    const now = Date.now();
    const due = new Map(
      [...this.sockets].filter(([userId]) => now - (this.writtenAt.get(userId) ?? 0) >= REFRESH_EVERY_MS),
    );
    await this.agents.refreshSockets(due);
    for (const userId of due.keys()) this.writtenAt.set(userId, now);
  }
}
