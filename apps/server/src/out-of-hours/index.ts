// The out-of-hours reply (a queue's auto-reply while it is closed) as other layers see it: import it through
// this file only.
export { OutOfHoursReplies } from './out-of-hours-reply.js';
