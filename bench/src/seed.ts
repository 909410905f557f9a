import { DEFAULT_DISPLAY_PHONE_NUMBER, DEFAULT_PHONE_NUMBER_ID } from '@switchboard/whatsapp-simulator';
import { connectDatabase } from '@switchboard/server';
import { createModels, keyedId, TokenService } from '@switchboard/server/internals';
import { BENCH_SECRETS } from './stack.js';

/**
 * Agents straight into the database (creating 500 through the API would spend a minute on password hashing
 * that the bench does not measure): members of the business number's channel, so they get its pushes.
 * Tokens are signed with the server's JWT secret, exactly as login would.
 */
export async function seedAgents(uri: string, dbName: string, count: number): Promise<string[]> {
  const connection = await connectDatabase(uri, dbName);
  try {
    const models = createModels(connection);
    const channelId = keyedId('channel', DEFAULT_PHONE_NUMBER_ID);
    await models.Channel.updateOne(
      { _id: channelId },
      {
        $setOnInsert: {
          phoneNumberId: DEFAULT_PHONE_NUMBER_ID,
          displayPhoneNumber: DEFAULT_DISPLAY_PHONE_NUMBER,
          wabaId: null,
          name: 'Bench support',
          status: 'active',
        },
      },
      { upsert: true },
    );
    const users = await models.User.insertMany(
      Array.from({ length: count }, (_, i) => ({
        email: `agent-${i}@bench.local`,
        name: `Agent ${i}`,
        role: 'agent',
        passwordHash: 'not-used-by-the-bench',
        channelIds: [channelId],
      })),
    );
    const tokens = new TokenService(BENCH_SECRETS.JWT_SECRET, 12);
    return Promise.all(users.map(async (u) => (await tokens.issue(u._id.toHexString())).token));
  } finally {
    await connection.close();
  }
}
