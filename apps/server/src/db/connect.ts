import mongoose, { type Connection } from 'mongoose';

/** One mongoose connection per app, so tests can run several apps against separate databases. */
export async function connectDatabase(uri: string, dbName: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    autoIndex: true,
    // Command events feed the database metrics (observability/observe.ts): round trips by collection.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}
