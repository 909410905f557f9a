let last = 0;

/**
 * Now, but later than any moment this process handed out before. WhatsApp's timestamps are whole seconds,
 * so messages of one second are told apart by when they were stored; two stored in the same millisecond
 * must still keep the order they arrived in.
 */
export function arrivalMoment(): Date {
  last = Math.max(Date.now(), last + 1);
  return new Date(last);
}
