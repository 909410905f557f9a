import { createHash } from 'node:crypto';
import { Types } from 'mongoose';

/**
 * A document id derived from its natural key (a wamid, a phone number, a change name). Looking a document
 * up by its natural key then becomes a lookup by `_id`, the one lookup every MongoDB-wire database serves
 * from an index (FerretDB's SQLite backend serves no other), and inserting it twice collides on `_id`.
 */
export function keyedId(namespace: string, key: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`${namespace}\u0000${key}`).digest().subarray(0, 12));
}
