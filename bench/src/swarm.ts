import type { SwarmCommand, SwarmReply, SwarmTarget } from './children/agent-swarm.js';
import { startNodeScript, type Child } from './processes.js';

/** The parent's handle on the agent-swarm process: one command at a time, each answered once. */
export class Swarm {
  private constructor(private readonly child: Child) {}

  static start(): Swarm {
    return new Swarm(startNodeScript('bench/src/children/agent-swarm.ts', { ipc: true }));
  }

  private ask<T extends SwarmReply['type']>(
    command: SwarmCommand,
    expect: T,
  ): Promise<Extract<SwarmReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: SwarmReply) => {
        cleanup();
        if (reply.type === expect) resolve(reply as Extract<SwarmReply, { type: T }>);
        else
          reject(
            new Error(reply.type === 'failed' ? `agent swarm: ${reply.error}` : `agent swarm answered ${reply.type}`),
          );
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`agent swarm exited with ${code}:\n${this.child.output()}`));
      };
      const cleanup = () => {
        this.child.process.off('message', onMessage);
        this.child.process.off('exit', onExit);
      };
      this.child.process.on('message', onMessage);
      this.child.process.once('exit', onExit);
      this.child.process.send(command);
    });
  }

  connect(targets: SwarmTarget[]) {
    return this.ask({ type: 'connect', targets }, 'connected');
  }

  /** Starts counting push frames afresh. */
  mark() {
    return this.ask({ type: 'mark' }, 'marked');
  }

  collect(tag: string, expected: number, customers: number, drainMs: number) {
    return this.ask({ type: 'collect', tag, expected, customers, drainMs }, 'collected');
  }

  async stop(): Promise<void> {
    if (this.child.process.connected) this.child.process.send({ type: 'close' });
    await this.child.stop();
  }
}
