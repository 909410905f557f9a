import mongoose, { type Connection } from 'mongoose';

/**
 * One mongoose connection per app, so tests can run several apps against separate databases.
 * `maxPoolSize`: commands in flight at once. The embedded database (FerretDB on SQLite) has one writer at a
 * time, and writers beyond it wait by sleeping and retrying: with the driver's default of 100 connections,
 * updates under load took 0.6 s on average against 0.05 s with 8 (bench, 500 agents, 50 messages/s). A small
 * pool queues them in the driver instead. A MongoDB server can take more: raise it there.
 */
export async function connectDatabase(uri: string, dbName: string, maxPoolSize = 10): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    autoIndex: true,
    maxPoolSize,
    // Command events feed the database metrics (lib/database-metrics.ts): round trips by collection.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}
