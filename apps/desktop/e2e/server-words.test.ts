import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDTO, UserDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';

const AGENT = { email: 'lucia@test.local', password: 'lucia-password-1', name: 'Lucía Gómez' };
const WAITS = '5491155550201';
const HERS = '5491155550202';

let inbox: Inbox;

beforeAll(async () => {
  inbox = await startInbox();
  const { stack } = inbox;
  const queue = (
    await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
      name: 'Soporte',
      fallback: true,
      mode: 'manual',
    })
  ).body;
  const agent = (await stack.server.api<UserDTO>(stack.admin, 'POST', '/api/users', { ...AGENT, role: 'agent' })).body;
  await stack.server.api(stack.admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queue.id], capacity: 5 });
  // Lucía reads Spanish: her choice is on the server, the browser is set to English.
  const token = await stack.server.login(AGENT.email, AGENT.password);
  expect((await stack.server.api(token, 'PATCH', '/api/me', { locale: 'es' })).status).toBe(200);

  await stack.customerWrites(WAITS, 'Hola, ¿mi pedido 7781 ya salió?', { name: 'Carmen Ruiz' });
  await stack.customerWrites(HERS, 'Buenas, quiero cambiar la dirección de entrega', { name: 'Diego Paz' });
  const waiting = (waId: string) =>
    eventually(async () => {
      const conversation = await stack.conversationOf(waId);
      return conversation?.routingState === 'waiting' && conversation;
    }, `${waId}'s conversation to wait in Soporte`);
  await waiting(WAITS);
  const hers: ConversationDTO = await waiting(HERS);
  const assigned = await stack.server.api(stack.admin, 'POST', `/api/conversations/${hers.id}/assign`, {
    userId: agent.id,
  });
  expect(assigned.status).toBe(200);
}, 120_000);

afterAll(() => inbox?.close());

const row = (name: string) => `.row:has-text("${name}")`;
/** Waits for the window's title (read through Playwright: the renderer's CSP forbids evaluating strings). */
const titleIs = (title: string) =>
  eventually(async () => (await inbox.page.title()) === title, `the window title to read "${title}"`);

describe("the server's sentences, in the agent's language", () => {
  it('an agent who reads Spanish sees why a conversation waits, and its history, in Spanish', async () => {
    const { page, stack } = inbox;
    await signIn(page, stack, AGENT);
    await page.waitForSelector('.nav-item[data-view="queues"]:has-text("Colas")');
    await openView(page, 'queues');
    await page.click(row('Carmen Ruiz'));

    const badge = page.locator('[data-testid="assignee"]');
    await page.waitForSelector('[data-testid="assignee"]:has-text("en Soporte cada agente toma")');
    expect(await badge.innerText()).toBe('Sin asignar: en Soporte cada agente toma las conversaciones a mano');

    await page.waitForSelector('.context .timeline:has-text("la cola de respaldo")');
    const history = await page.locator('.context .timeline').innerText();
    expect(history).toContain(
      'Enviada a Soporte, la cola de respaldo: ninguna cola atiende esta intención en este idioma',
    );
    expect(history).toContain('En Soporte cada agente toma las conversaciones a mano');
    expect(history).not.toContain('takes conversations by claim');
    expect(history).not.toContain('Routed to');
    await saveScreen(page, 'server-words-es');
  });

  it('the window title counts the unread messages of her own conversations, live, as the tray does', async () => {
    const { page, stack } = inbox;
    // Carmen's conversation waits in the queue, not hers: only Diego's message counts.
    await titleIs('(1) Switchboard');
    await openView(page, 'mine');
    await page.waitForSelector(`${row('Diego Paz')} .unread-count`);

    await stack.customerWrites(HERS, '¿Me confirman el cambio?', { name: 'Diego Paz' });
    await titleIs('(2) Switchboard');
    expect(await page.locator(`${row('Diego Paz')} .unread-count`).innerText()).toBe('2');
    await saveScreen(page, 'server-words-title');

    await page.click(row('Diego Paz'));
    await titleIs('Switchboard');
  });
});
