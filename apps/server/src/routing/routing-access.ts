import { mayChangeRoutingOf } from '@switchboard/shared';
import type { Actor } from '../domain/audit-log.js';
import { AppError } from '../lib/errors.js';
import type { UserDoc } from '../models/user.model.js';

/** A 403 naming `path` when the actor may not change the routing of one of `people` (a supervisor, of an admin). */
export function refuseRoutingBeyondReach(actor: Actor, people: UserDoc[], path: string): void {
  const beyond = people.filter((person) => !mayChangeRoutingOf(actor.role, person.role));
  if (beyond.length > 0)
    throw new AppError(
      'FORBIDDEN',
      `only admins change the queues, capacity or hours of an admin (${beyond.map((p) => p.name).join(', ')})`,
      [{ path, message: 'is an admin: only admins change their queues, capacity or hours' }],
    );
}
