import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryDTO, ChannelDTO, ErrorBody, Page, QueueDTO, TeamMemberDTO, UserDTO } from '@switchboard/shared';
import { startTestServer, type TestServer } from '@switchboard/test-support/harness';

type Fail = { error: ErrorBody };

let server: TestServer;
let admin: string;
let adminId: string;
let queueId: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.login();
  adminId = (await server.api<UserDTO>(admin, 'GET', '/api/me')).body.id;
  const queue = await server.api<QueueDTO>(admin, 'POST', '/api/queues', { name: 'Billing' });
  expect(queue.status).toBe(201);
  queueId = queue.body.id;
});
afterAll(() => server.close());

const auditOf = async (entityId: string) =>
  (await server.api<Page<AuditEntryDTO>>(admin, 'GET', `/api/audit?entityId=${entityId}`)).body.items;
const pathsOf = (body: Fail) => body.error.issues?.map((i) => i.path) ?? [];
const memberOf = async (token: string, id: string) =>
  (await server.api<{ items: TeamMemberDTO[] }>(token, 'GET', '/api/users')).body.items.find((m) => m.id === id);
const WEEKDAYS_9_TO_5 = {
  timezone: 'America/Sao_Paulo',
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: [],
};

describe('an existing user’s routing profile', () => {
  it('an admin changes an agent’s queues, capacity and hours; the audit log has the change', async () => {
    const agent = await server.userWith('agent');
    const saved = await server.api(admin, 'PUT', `/api/agents/${agent.id}/profile`, {
      queueIds: [queueId],
      capacity: 3,
      workingHours: WEEKDAYS_9_TO_5,
    });
    expect(saved.status).toBe(204);
    expect(await memberOf(admin, agent.id)).toMatchObject({
      queueIds: [queueId],
      capacity: 3,
      workingHours: { timezone: 'America/Sao_Paulo' },
    });
    const [entry] = await auditOf(agent.id);
    expect(entry).toMatchObject({
      action: 'user.profile-updated',
      actor: { role: 'admin' },
      changes: ['capacity', 'queueIds', 'workingHours'],
    });

    const wrong = await server.api<Fail>(admin, 'PUT', `/api/agents/${agent.id}/profile`, { capacity: 500 });
    expect(wrong.status).toBe(400);
    expect(pathsOf(wrong.body)).toEqual(['body.capacity']);
  });
});

describe('what a supervisor may change on the team', () => {
  it('sets an agent’s and a supervisor’s queues, capacity and hours, recorded as theirs', async () => {
    const supervisor = await server.userWith('supervisor');
    const agent = await server.userWith('agent');
    const toAgent = await server.api(supervisor.token, 'PUT', `/api/agents/${agent.id}/profile`, {
      queueIds: [queueId],
      capacity: 2,
      workingHours: WEEKDAYS_9_TO_5,
    });
    expect(toAgent.status).toBe(204);
    expect(await memberOf(supervisor.token, agent.id)).toMatchObject({ queueIds: [queueId], capacity: 2 });
    const [entry] = await auditOf(agent.id);
    expect(entry).toMatchObject({ action: 'user.profile-updated', actor: { id: supervisor.id, role: 'supervisor' } });

    const ownCapacity = await server.api(supervisor.token, 'PUT', `/api/agents/${supervisor.id}/profile`, {
      capacity: 4,
    });
    expect(ownCapacity.status).toBe(204);
    const members = await server.api(supervisor.token, 'PUT', `/api/queues/${queueId}/members`, {
      userIds: [agent.id, supervisor.id],
    });
    expect(members.status).toBe(200);
  });

  it('changes no account (role, active, password) and no admin’s routing: 403, nothing written', async () => {
    const supervisor = await server.userWith('supervisor');
    const agent = await server.userWith('agent');
    const refused = [
      await server.api(supervisor.token, 'PATCH', `/api/users/${agent.id}`, { role: 'admin' }),
      await server.api(supervisor.token, 'PATCH', `/api/users/${agent.id}`, { active: false }),
      await server.api(supervisor.token, 'PATCH', `/api/users/${supervisor.id}`, { role: 'admin' }),
      await server.api(supervisor.token, 'POST', `/api/users/${agent.id}/password-reset`),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403]);

    const adminProfile = await server.api<Fail>(supervisor.token, 'PUT', `/api/agents/${adminId}/profile`, {
      queueIds: [queueId],
    });
    expect(adminProfile.status).toBe(403);
    expect(pathsOf(adminProfile.body)).toEqual(['params.id']);
    const adminInQueue = await server.api<Fail>(supervisor.token, 'PUT', `/api/queues/${queueId}/members`, {
      userIds: [agent.id, adminId],
    });
    expect(adminInQueue.status).toBe(403);
    expect(pathsOf(adminInQueue.body)).toEqual(['body.userIds']);

    expect(await memberOf(admin, adminId)).toMatchObject({ queueIds: [] });
    expect(await memberOf(admin, agent.id)).toMatchObject({ role: 'agent', active: true, queueIds: [] });
    expect((await auditOf(adminId)).filter((e) => e.actor.id === supervisor.id)).toEqual([]);
    // An admin still staffs their own routing.
    expect((await server.api(admin, 'PUT', `/api/agents/${adminId}/profile`, { capacity: 1 })).status).toBe(204);
  });
});

describe('renaming a channel', () => {
  it('an admin renames it, the audit log shows the old and new name; a blank name or a supervisor is refused', async () => {
    const channel = await server.api<ChannelDTO>(admin, 'POST', '/api/channels', {
      phoneNumberId: '5550002222',
      name: 'Sales line',
    });
    expect(channel.status).toBe(201);
    const renamed = await server.api<ChannelDTO>(admin, 'PATCH', `/api/channels/${channel.body.id}`, {
      name: 'Sales Brazil',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Sales Brazil');
    const [entry] = await auditOf(channel.body.id);
    expect(entry).toMatchObject({
      action: 'channel.updated',
      changes: ['name'],
      before: { name: 'Sales line' },
      after: { name: 'Sales Brazil' },
    });

    const blank = await server.api<Fail>(admin, 'PATCH', `/api/channels/${channel.body.id}`, { name: '  ' });
    expect(blank.status).toBe(400);
    expect(pathsOf(blank.body)).toEqual(['body.name']);
    const supervisor = await server.userWith('supervisor');
    const bySupervisor = await server.api(supervisor.token, 'PATCH', `/api/channels/${channel.body.id}`, {
      name: 'Mine now',
    });
    expect(bySupervisor.status).toBe(403);
  });
});

describe('changing an account’s role and name', () => {
  it('an admin may step down while another admin remains; recorded, and their next request has the new role', async () => {
    const second = await server.userWith('admin');
    const stepDown = await server.api<TeamMemberDTO>(second.token, 'PATCH', `/api/users/${second.id}`, {
      role: 'supervisor',
      name: 'Bea Ramos',
    });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body).toMatchObject({ role: 'supervisor', name: 'Bea Ramos' });
    const [entry] = await auditOf(second.id);
    expect(entry).toMatchObject({
      action: 'user.updated',
      actor: { id: second.id, role: 'admin' },
      changes: ['name', 'role'],
      after: { role: 'supervisor', name: 'Bea Ramos' },
    });
    // The same token, judged as a supervisor from now on: the team is still theirs to read, accounts are not.
    expect((await server.api(second.token, 'GET', '/api/users')).status).toBe(200);
    const agent = await server.userWith('agent');
    expect((await server.api(second.token, 'PATCH', `/api/users/${agent.id}`, { name: 'X' })).status).toBe(403);
  });

  it('the last active admin cannot be demoted or deactivated: 409 naming the field, nothing written', async () => {
    const { items } = (await server.api<{ items: TeamMemberDTO[] }>(admin, 'GET', '/api/users')).body;
    for (const other of items.filter((m) => m.role === 'admin' && m.active && m.id !== adminId))
      expect((await server.api(admin, 'PATCH', `/api/users/${other.id}`, { role: 'supervisor' })).status).toBe(200);
    const audited = (await auditOf(adminId)).length;

    const refusals = [{ role: 'agent' }, { active: false }, { role: 'supervisor', active: false, name: 'Gone' }];
    const answers = await Promise.all(
      refusals.map((change) => server.api<Fail>(admin, 'PATCH', `/api/users/${adminId}`, change)),
    );
    expect(answers.map((a) => a.status)).toEqual([409, 409, 409]);
    expect(answers.map((a) => pathsOf(a.body))).toEqual([['body.role'], ['body.active'], ['body.role', 'body.active']]);
    expect(answers[0]!.body.error.message).toContain('last active admin');

    expect(await memberOf(admin, adminId)).toMatchObject({ role: 'admin', active: true, name: 'Administrator' });
    expect(await auditOf(adminId)).toHaveLength(audited);
    // Confirming their own role loses nothing.
    expect((await server.api(admin, 'PATCH', `/api/users/${adminId}`, { role: 'admin' })).status).toBe(200);
  });
});
