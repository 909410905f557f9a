import type { InboxCommand, InboxCommandArgsOf, InboxCommandResults, InboxPush } from '../../contract/inbox-api.js';
import type { InboxService } from '../inbox-service.js';

/** A service with every push it sent recorded, and a typed `call` that fails the test on an error result. */
export function recordService(service: InboxService) {
  const pushes: { push: InboxPush; payload: unknown[] }[] = [];
  service.onPush((push, payload) => pushes.push({ push, payload }));
  return {
    service,
    pushes,
    async call<C extends InboxCommand>(command: C, ...args: InboxCommandArgsOf<C>): Promise<InboxCommandResults[C]> {
      const result = await service.invoke(command, args);
      if (!result.ok) throw new Error(`${command} failed: ${result.error.code} ${result.error.message}`);
      return result.data as InboxCommandResults[C];
    },
  };
}
