import { DEFAULT_DISPLAY_PHONE_NUMBER, DEFAULT_PHONE_NUMBER_ID } from '@switchboard/whatsapp-simulator';
import { connectDatabase } from '@switchboard/server';
import { createModels, keyedId, TokenService, type Models } from '@switchboard/server/internals';
import { BENCH_SECRETS } from './stack.js';
import { TEAM_QUEUES, type Member } from './team.js';

/** The business number every bench webhook is addressed to, as the server would register it. */
export async function ensureChannel(models: Models) {
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
  return channelId;
}

/**
 * The team straight into the database (creating 510 users through the API would spend a minute on password
 * hashing that the bench does not measure): the queues, then one user per member, in the layout's order.
 * Every agent is also a member of the business number's channel (they may look at any of its
 * conversations); what reaches them live is their queues' and their own. Tokens are signed with the
 * server's JWT secret, exactly as login would.
 */
export async function seedTeam(uri: string, dbName: string, layout: Member[]): Promise<string[]> {
  const connection = await connectDatabase(uri, dbName);
  try {
    const models = createModels(connection);
    const channelId = await ensureChannel(models);
    const queues = await models.Queue.insertMany(
      TEAM_QUEUES.map((q, i) => ({ name: `Queue ${i}: ${q.intent}`, intents: [q.intent], languages: [] })),
    );
    const users = await models.User.insertMany(
      layout.map((member, i) => ({
        email: `${member.supervisor ? 'supervisor' : 'agent'}-${i}@bench.local`,
        name: `${member.supervisor ? 'Supervisor' : 'Agent'} ${i}`,
        role: member.supervisor ? 'supervisor' : 'agent',
        passwordHash: 'not-used-by-the-bench',
        channelIds: member.supervisor ? [] : [channelId],
        queueIds: member.queues.map((q) => queues[q]!._id),
      })),
    );
    const tokens = new TokenService(BENCH_SECRETS.JWT_SECRET, 12);
    return Promise.all(users.map(async (u) => (await tokens.issue(u._id.toHexString())).token));
  } finally {
    await connection.close();
  }
}
