import type { CreateQueueRequest } from '@switchboard/shared';
import type { QueueService } from './queue.service.js';

/** Example queues for the demo stack: a newcomer sees conversations triaged into them at once. */
export const QUEUE_SEED: CreateQueueRequest[] = [
  {
    name: 'Payments',
    intents: ['payment_issue', 'invoice_question', 'refund_request'],
    languages: [],
    mode: 'auto',
    fallback: false,
  },
  {
    name: 'Orders & delivery',
    intents: ['order_status', 'delivery_problem', 'cancel_order'],
    languages: [],
    mode: 'auto',
    fallback: false,
  },
  { name: 'General', intents: [], languages: [], mode: 'auto', fallback: true },
];

/** Adds the example queues to an empty installation; an installation with queues is left alone. */
export async function loadQueueSeed(queues: QueueService): Promise<number> {
  if ((await queues.all()).length > 0) return 0;
  for (const queue of QUEUE_SEED) await queues.create(queue, null);
  return QUEUE_SEED.length;
}
