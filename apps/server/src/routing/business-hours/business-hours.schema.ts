import { BusinessHoursSchedule, issueLines } from '@switchboard/shared';
import type { z } from 'zod';

export { minuteOfDay, WEEKDAYS } from '@switchboard/shared';

/**
 * When a team answers: the shared schedule schema, branded so the clock functions only ever see a checked
 * schedule (an unchecked one with no open hours would make a deadline search run forever).
 */
export const BusinessHours = BusinessHoursSchedule.brand<'BusinessHours'>();
export type BusinessHours = z.output<typeof BusinessHours>;

export class BusinessHoursError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid business hours:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function parseBusinessHours(input: unknown): BusinessHours {
  const parsed = BusinessHours.safeParse(input);
  if (!parsed.success) throw new BusinessHoursError(issueLines(parsed.error.issues));
  return parsed.data;
}
