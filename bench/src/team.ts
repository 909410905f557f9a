/**
 * The support team the latency scenario connects: 10 queues, each taking one intent; agents skilled in one
 * or two queues; supervisors who see everything. Customers' messages are spread over the queues (customer c
 * writes about queue c % 10's subject), so each message has an audience: its queue's agents and the
 * supervisors. The bare relay baseline sends every message to that same audience.
 */
export const TEAM_QUEUES = [
  { intent: 'order_status', phrase: 'where is my order?' },
  { intent: 'delivery_problem', phrase: 'my package arrived damaged' },
  { intent: 'refund_request', phrase: 'I want a refund please' },
  { intent: 'cancel_order', phrase: 'please cancel my order' },
  { intent: 'payment_issue', phrase: 'my payment failed' },
  { intent: 'invoice_question', phrase: 'I need the invoice for my purchase' },
  { intent: 'product_question', phrase: 'does this product come in blue?' },
  { intent: 'account_access', phrase: 'I cannot log in to my account' },
  { intent: 'appointment', phrase: 'I want to book an appointment' },
  { intent: 'document_submission', phrase: 'here is the document you asked for' },
] as const;

export const SUPERVISORS = 10;

/** One connected user: the queues they are skilled in (indexes into TEAM_QUEUES), or a supervisor. */
export type Member = { queues: number[]; supervisor: boolean };

/** `agents` agents (every other one in a second queue) and the supervisors, in connection order. */
export function teamLayout(agents: number, supervisors = SUPERVISORS): Member[] {
  const n = TEAM_QUEUES.length;
  const members: Member[] = Array.from({ length: agents }, (_, i) => ({
    queues: i % 2 === 0 ? [i % n] : [i % n, (i + 3) % n],
    supervisor: false,
  }));
  for (let s = 0; s < supervisors; s++) members.push({ queues: [], supervisor: true });
  return members;
}

export const queueOfCustomer = (customer: number) => customer % TEAM_QUEUES.length;

/** Whether a member is in the audience of a message in queue `queue`. */
export const hears = (member: Member, queue: number) => member.supervisor || member.queues.includes(queue);
