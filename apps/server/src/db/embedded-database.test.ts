import { describe, expect, it } from 'vitest';
import mongoose, { Types } from 'mongoose';
import { inject } from 'vitest';
import { freshDatabaseName } from '@switchboard/test-support/harness';

describe('the database the tests (and `pnpm start`) run on', () => {
  it('applies concurrent updates of one document atomically: 200 racing $inc make 200', async () => {
    const connection = await mongoose
      .createConnection(inject('mongoUri'), { dbName: freshDatabaseName(), maxPoolSize: 20 })
      .asPromise();
    try {
      const things = connection.db!.collection('things');
      const _id = new Types.ObjectId();
      await things.insertOne({ _id, n: 0, label: 'start' });
      await Promise.all([
        ...Array.from({ length: 200 }, () => things.updateOne({ _id }, { $inc: { n: 1 } })),
        things.updateOne({ _id }, { $set: { label: 'set while the counter moved' } }),
      ]);
      expect(await things.findOne({ _id })).toMatchObject({ n: 200, label: 'set while the counter moved' });
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
