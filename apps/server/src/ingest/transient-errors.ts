const TRANSIENT_NAMES = /MongoNetwork|MongoServerSelection|MongoNotConnected|MongoPoolClosed|MongoTimeout|MongoWriteConcern/;

/** A failure worth retrying the whole batch for: the database was away, not the item was bad. */
export function isTransientDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: string; errorLabels?: unknown; errorLabelSet?: Set<string> };
  if (e.name && TRANSIENT_NAMES.test(e.name)) return true;
  return e.errorLabelSet?.has('RetryableWriteError') === true || e.errorLabelSet?.has('ResetPool') === true;
}
