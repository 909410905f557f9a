import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  AuditEntryDTO,
  ChannelDTO,
  ConversationDTO,
  Page as PageOf,
  QueueDTO,
  QueueStateDTO,
  Role,
  UserDTO,
} from '@switchboard/shared';
import { ADMIN, eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { person, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
}, 120_000);

afterAll(() => inbox?.close());

async function openSection(label: string) {
  await page.click('.nav-item:has-text("Settings")');
  await page.click(`.settings-nav-item:has-text("${label}")`);
}

const ritaRow = 'tr[data-user-email="rita@test.local"]';
const rita = () => stack.server.app.models.User.findOne({ email: 'rita@test.local' }).orFail();
const rowOf = (email: string) => `tr[data-user-email="${email}"]`;
const queuesOf = async (id: string) => (await stack.server.app.models.User.findById(id).orFail()).queueIds;
/** A named person made through the API, with a token of their own. */
async function teammate(name: string, email: string, role: Role) {
  const password = 'password-1234';
  const created = await stack.server.api<UserDTO>(stack.admin, 'POST', '/api/users', { name, email, role, password });
  expect(created.status).toBe(201);
  return { id: created.body.id, email, token: await stack.server.login(email, password) };
}
const newestAuditOf = async (entityId: string) =>
  (await stack.server.api<PageOf<AuditEntryDTO>>(stack.admin, 'GET', `/api/audit?entityId=${entityId}`)).body.items[0];

describe('settings in Chromium, against the real server and Node host', () => {
  it('an admin creates a queue and an agent; the agent signs in and gets a conversation routed to that queue', async () => {
    await signIn(page, stack);
    await openSection('Queues & hours');
    const newQueue = page.locator('form[aria-label="New queue"]');
    await newQueue.locator('input[name="name"]').fill('VIP care');
    await newQueue.locator('input[name="fallback"]').check();
    await newQueue.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-queue-name="VIP care"]');
    await saveScreen(page, 'settings-queues');

    await openSection('Users');
    const newUser = page.locator('form[aria-label="New user"]');
    await newUser.locator('input[name="name"]').fill('Rita Souza');
    await newUser.locator('input[name="email"]').fill('rita@test.local');
    await newUser.locator('input[name="password"]').fill('rita-password-1');
    await newUser.locator('label:has-text("VIP care") input[type="checkbox"]').check();
    await newUser.locator('button[type="submit"]').click();
    await page.waitForSelector('tr[data-user-email="rita@test.local"]:has-text("VIP care")');
    await saveScreen(page, 'settings-users');

    await page.click('button[title="Sign out"]');
    await signIn(page, stack, { email: 'rita@test.local', password: 'rita-password-1' });
    const queues = await stack.server.api<{ items: QueueStateDTO[] }>(stack.admin, 'GET', '/api/queues');
    const vip = queues.body.items.find((s) => s.queue.name === 'VIP care')!.queue;
    const rita = (await stack.server.app.models.User.findOne({ email: 'rita@test.local' }).orFail()).id;
    await stack.server.untilOnline(rita);

    await stack.customerWrites('5511955550001', 'Hello, I need help with my account', { name: 'Joana Prado' });
    await page.waitForSelector('.row:has-text("Joana Prado")');
    const conversation = await eventually(
      async (): Promise<ConversationDTO | undefined> => stack.conversationOf('5511955550001'),
      'the conversation',
    );
    expect(conversation.queueId).toBe(vip.id);
    expect(conversation.assigneeId).toBe(rita);
    // Two sign-ins, two screens and a routed conversation: longer than one step on a machine under load.
  }, 120_000);

  it('a priority rule the server refuses is shown with the field at fault', async () => {
    await page.click('button[title="Sign out"]');
    await signIn(page, stack);
    await openSection('Priority & SLA');
    const editor = page.locator('textarea[aria-label="Priority rules"]');
    await editor.fill(
      JSON.stringify({
        rules: [{ id: 'vip', description: 'VIPs first', when: { contact: { tier: 'vip' } }, then: { raise: 9 } }],
      }),
    );
    await page.click('button:has-text("Save priority rules")');
    const refusal = page.locator('.settings-refused[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('rules.0.then');
    await saveScreen(page, 'settings-policies-refused');
  });

  it('a bot key is shown once, a shared canned reply is added, and the audit log lists who made each change', async () => {
    await openSection('Bots & API keys');
    await page.locator('form[aria-label="New bot"] input[name="name"]').fill('Helper bot');
    await page.click('form[aria-label="New bot"] button[type="submit"]');
    const key = await page.locator('.settings-secret code').textContent();
    expect(key).toMatch(/^sbk_/);
    await page.click('button:has-text("I have copied it")');
    expect(await page.locator('.settings-body').textContent()).not.toContain(key!);

    await openSection('Canned replies');
    const canned = page.locator('form[aria-label="New canned reply"]');
    await canned.locator('input[name="shortcut"]').fill('thanks');
    await canned.locator('textarea[name="text"]').fill('Thank you, {{contact.first_name}}!');
    await canned.locator('button[type="submit"]').click();
    await page.waitForSelector('table[aria-label="Canned replies"] tr:has-text("/thanks")');

    await openSection('Audit log');
    await page.waitForSelector('tr[data-action="user.created"]:has-text("Rita Souza")');
    await page.waitForSelector('tr[data-action="queue.created"]:has-text("VIP care")');
    await page.waitForSelector('tr[data-action="bot.created"]');
    // Each change in words: the record's kind and its fields by the names the settings screens use.
    const created = page.locator('tr[data-action="user.created"]:has-text("Rita Souza")').first();
    expect(await created.locator('td').nth(2).innerText()).toBe('created Rita Souza (User)');
    expect(await created.locator('td').nth(3).innerText()).toContain('Channels');
    expect(await created.innerText()).not.toMatch(/channelIds|queueIds|user\.created/);
    await saveScreen(page, 'settings-audit');
    const audit = await stack.server.api<PageOf<AuditEntryDTO>>(stack.admin, 'GET', '/api/audit?entityType=queue');
    expect(audit.body.items.map((e) => [e.action, e.actor.role])).toContainEqual(['queue.created', 'admin']);
  });

  it('an admin changes an existing agent’s queues, capacity and hours; a wrong time zone is refused by name', async () => {
    const returns = await stack.server.api<QueueDTO>(stack.admin, 'POST', '/api/queues', { name: 'Returns desk' });
    expect(returns.status).toBe(201);
    await openSection('Users');
    await page.click(`${ritaRow} button:has-text("Edit queues & hours")`);
    const editor = page.locator('form[aria-label="Queues, capacity and hours of Rita Souza"]');
    await editor.locator('label:has-text("VIP care") input[type="checkbox"]').uncheck();
    await editor.locator('label:has-text("Returns desk") input[type="checkbox"]').check();
    await editor.locator('input[name="capacity"]').fill('2');
    await editor.locator('input[name="always"]').uncheck();
    await editor.locator('input[name="timezone"]').fill('Mars/Olympus');
    await editor.locator('button[type="submit"]').click();
    const refusal = page.locator('.settings-refused[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('workingHours.timezone');
    expect((await rita()).capacity).not.toBe(2);

    await editor.locator('input[name="timezone"]').fill('America/Sao_Paulo');
    await editor.locator('button[type="submit"]').click();
    await page.waitForSelector(
      '.settings-saved[role="status"]:has-text("Saved the queues, capacity and working hours of Rita Souza.")',
    );
    await page.waitForSelector(`${ritaRow}:has-text("Returns desk"):has-text("America/Sao_Paulo")`);
    await saveScreen(page, 'settings-user-profile');
    const saved = await rita();
    expect(saved.queueIds.map(String)).toEqual([returns.body.id]);
    expect(saved.capacity).toBe(2);
    expect(await newestAuditOf(saved.id)).toMatchObject({
      action: 'user.profile-updated',
      actor: { role: 'admin' },
      changes: ['capacity', 'queueIds', 'workingHours'],
    });
  });

  it('an admin renames a channel; the audit log keeps the old and the new name', async () => {
    const channel = await stack.server.api<ChannelDTO>(stack.admin, 'POST', '/api/channels', {
      phoneNumberId: '5550003333',
      name: 'Support line',
    });
    expect(channel.status).toBe(201);
    await openSection('Channels');
    await page.click('tr[data-channel-number="5550003333"] button:has-text("Rename")');
    const rename = page.locator('form[aria-label="Rename Support line"]');
    await rename.locator('input[name="name"]').fill('Support Brazil');
    await rename.locator('button[type="submit"]').click();
    await page.waitForSelector('.settings-saved[role="status"]:has-text("Support line is now called Support Brazil.")');
    await page.waitForSelector('tr[data-channel-number="5550003333"]:has-text("Support Brazil")');
    expect(await newestAuditOf(channel.body.id)).toMatchObject({
      action: 'channel.updated',
      changes: ['name'],
      before: { name: 'Support line' },
      after: { name: 'Support Brazil' },
    });
  });

  it('a supervisor sets an agent’s queues and capacity, and has no account actions nor an admin’s profile', async () => {
    const supervisor = await person(stack, 'supervisor');
    await page.click('button[title="Sign out"]');
    await signIn(page, stack, supervisor);
    await openSection('Users');
    await page.waitForSelector(ritaRow);
    expect(await page.locator('.settings-header').textContent()).toContain(
      'Set the queues, capacity and working hours of agents and supervisors.',
    );
    expect(await page.locator('form[aria-label="New user"]').count()).toBe(0);
    expect(await page.locator('button:has-text("Reset password"), button:has-text("Deactivate")').count()).toBe(0);
    expect(await page.locator(`tr[data-user-email="${ADMIN.email}"] button`).count()).toBe(0);

    await page.click(`${ritaRow} button:has-text("Edit queues & hours")`);
    const editor = page.locator('form[aria-label="Queues, capacity and hours of Rita Souza"]');
    await editor.locator('label:has-text("VIP care") input[type="checkbox"]').check();
    await editor.locator('input[name="capacity"]').fill('4');
    await editor.locator('button[type="submit"]').click();
    await page.waitForSelector(
      '.settings-saved[role="status"]:has-text("Saved the queues, capacity and working hours of Rita Souza.")',
    );
    await page.waitForSelector(`${ritaRow}:has-text("VIP care"):has-text("Returns desk")`);
    await saveScreen(page, 'settings-users-supervisor');
    const saved = await rita();
    expect(saved.capacity).toBe(4);
    expect(await newestAuditOf(saved.id)).toMatchObject({
      action: 'user.profile-updated',
      actor: { id: supervisor.id, role: 'supervisor' },
      changes: ['capacity', 'queueIds'],
    });
    // A sign-out, a sign-in and a save: longer than one step on a machine under load.
  }, 60_000);

  it('an admin makes an agent a supervisor and renames them; their next request has the new role', async () => {
    const caio = await teammate('Caio Lima', 'caio@test.local', 'agent');
    await page.click('button[title="Sign out"]');
    await signIn(page, stack);
    await openSection('Users');
    await page.click(`${rowOf(caio.email)} button:has-text("Edit name & role")`);
    const editor = page.locator('form[aria-label="Name and role of Caio Lima"]');
    await editor.locator('input[name="name"]').fill('Caio Lima Souza');
    await editor.locator('select[name="role"]').selectOption('supervisor');
    await editor.locator('button[type="submit"]').click();
    await page.waitForSelector('.settings-saved[role="status"]:has-text("Saved Caio Lima Souza as Supervisor.")');
    await page.waitForSelector(`${rowOf(caio.email)}:has-text("Caio Lima Souza"):has-text("Supervisor")`);
    await page.locator('.settings-saved[role="status"]').scrollIntoViewIfNeeded();
    await saveScreen(page, 'settings-user-account');
    expect(await newestAuditOf(caio.id)).toMatchObject({
      action: 'user.updated',
      actor: { role: 'admin' },
      changes: ['name', 'role'],
      after: { name: 'Caio Lima Souza', role: 'supervisor' },
    });
    // The token Caio signed in with as an agent now reads the team, as supervisors do.
    expect((await stack.server.api(caio.token, 'GET', '/api/users')).status).toBe(200);

    // The last active admin cannot step down: the refusal names the field.
    await page.click(`${rowOf(ADMIN.email)} button:has-text("Edit name & role")`);
    const own = page.locator('form[aria-label="Name and role of Administrator"]');
    await own.locator('select[name="role"]').selectOption('agent');
    await own.locator('button[type="submit"]').click();
    const refusal = page.locator('.settings-refused[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('last active admin');
    expect(await refusal.locator('code').allTextContents()).toEqual(['role']);
    await refusal.scrollIntoViewIfNeeded();
    await saveScreen(page, 'settings-user-last-admin');
    expect((await stack.server.app.models.User.findOne({ email: ADMIN.email }).orFail()).role).toBe('admin');
  }, 60_000);

  it('an admin adds an agent to a queue’s members; the change is there after a reload', async () => {
    const queue = await stack.server.api<QueueDTO>(stack.admin, 'POST', '/api/queues', { name: 'Wholesale' });
    expect(queue.status).toBe(201);
    const lia = await teammate('Lia Prado', 'lia@test.local', 'agent');
    await openSection('Queues & hours');
    const wholesale = 'tr[data-queue-name="Wholesale"]';
    await page.click(`${wholesale} button:has-text("Members")`);
    const panel = page.locator('[role="region"][aria-label="Members of Wholesale"]');
    await panel.locator('text=Nobody is in this queue yet').waitFor();
    await panel.locator('select[name="userId"]').selectOption({ label: 'Lia Prado (Agent)' });
    await panel.locator('button:has-text("Add to queue")').click();
    await page.waitForSelector('.settings-saved[role="status"]:has-text("Added Lia Prado to Wholesale.")');
    // Name, role and capacity (5, the default), as routing reads them.
    await panel
      .locator(
        `tr[data-member-email="${lia.email}"]:has-text("Lia Prado"):has-text("Agent") td:nth-child(3):text-is("5")`,
      )
      .waitFor();
    expect(await panel.locator('option:has-text("Lia Prado")').count()).toBe(0);
    await saveScreen(page, 'settings-queue-members');

    await page.reload();
    await page.waitForSelector('.connection[data-state="online"]');
    await openSection('Queues & hours');
    // The queue's row counts its member, and the panel lists them as the server keeps them.
    await page.waitForSelector(`${wholesale} td:nth-child(7):text-is("1")`);
    await page.click(`${wholesale} button:has-text("Members")`);
    await panel.locator(`tr[data-member-email="${lia.email}"]`).waitFor();
    expect((await queuesOf(lia.id)).map(String)).toEqual([queue.body.id]);
    expect(await newestAuditOf(queue.body.id)).toMatchObject({
      action: 'queue.members-changed',
      actor: { role: 'admin' },
      after: { memberIds: [lia.id] },
    });
  }, 60_000);

  it('a supervisor has no role control, staffs a queue’s agents but not its admins, and follows a demotion live', async () => {
    const wholesale = (await stack.server.app.models.Queue.findOne({ name: 'Wholesale' }).orFail()).id;
    const admin = await stack.server.app.models.User.findOne({ email: ADMIN.email }).orFail();
    const lia = await stack.server.app.models.User.findOne({ email: 'lia@test.local' }).orFail();
    const members = await stack.server.api(stack.admin, 'PUT', `/api/queues/${wholesale}/members`, {
      userIds: [lia.id, admin.id],
    });
    expect(members.status).toBe(200);
    const supervisor = await person(stack, 'supervisor');
    await page.click('button[title="Sign out"]');
    await signIn(page, stack, supervisor);
    await openSection('Users');
    await page.waitForSelector(rowOf('lia@test.local'));
    expect(await page.locator('button:has-text("Edit name & role"), select[name="role"]').count()).toBe(0);

    await openSection('Queues & hours');
    await page.click('tr[data-queue-name="Wholesale"] button:has-text("Members")');
    const panel = page.locator('[role="region"][aria-label="Members of Wholesale"]');
    await panel.locator(`tr[data-member-email="${ADMIN.email}"]`).waitFor();
    expect(await panel.locator(`tr[data-member-email="${ADMIN.email}"] button`).count()).toBe(0);
    expect(await panel.locator('option:has-text("(Admin)")').count()).toBe(0);
    await panel.locator('tr[data-member-email="lia@test.local"] button:has-text("Remove")').click();
    await page.waitForSelector('.settings-saved[role="status"]:has-text("Removed Lia Prado from Wholesale.")');
    await panel.locator('tr[data-member-email="lia@test.local"]').waitFor({ state: 'detached' });
    await saveScreen(page, 'settings-queue-members-supervisor');
    expect((await queuesOf(lia.id)).map(String)).toEqual([]);

    // Made an agent while signed in: the inbox drops the supervisors' screens without a new sign-in.
    const demoted = await stack.server.api(stack.admin, 'PATCH', `/api/users/${supervisor.id}`, { role: 'agent' });
    expect(demoted.status).toBe(200);
    await page.locator('.nav-item:has-text("Settings")').waitFor({ state: 'detached' });
  }, 60_000);
});
