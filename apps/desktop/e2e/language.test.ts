import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { UserDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { startNodeHost } from '../src/node-host/node-host.js';
import { ensureRendererBuilt, RENDERER_DIST } from '../scripts/renderer-build.js';
import { openBrowser, type Browser } from './support/browser.js';
import { saveScreen } from './support/screens.js';
import { signIn } from './support/session.js';
import { startStack, type Stack } from './support/stack.js';

const AGENT = { email: 'lucia@test.local', password: 'lucia-password-1', name: 'Lucía Gómez' };
const ADMIN = { email: 'marta@test.local', password: 'marta-password-1', name: 'Marta Díaz' };
/** Three days ago at 14:30 UTC: the list then shows the day, which is where date formats differ. */
const WRITTEN_AT = new Date(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 3, 14, 30),
);

let stack: Stack;
let agentToken: string;
const opened: Browser[] = [];

beforeAll(async () => {
  ensureRendererBuilt();
  stack = await startStack();
  const queue = (
    await stack.server.api<{ id: string }>(stack.admin, 'POST', '/api/queues', {
      name: 'Soporte',
      fallback: true,
      mode: 'manual',
    })
  ).body;
  const agent = (await stack.server.api<UserDTO>(stack.admin, 'POST', '/api/users', { ...AGENT, role: 'agent' })).body;
  await stack.server.api(stack.admin, 'PUT', `/api/agents/${agent.id}/profile`, { queueIds: [queue.id], capacity: 5 });
  await stack.server.api(stack.admin, 'POST', '/api/users', { ...ADMIN, role: 'admin' });
  agentToken = await stack.server.login(AGENT.email, AGENT.password);
  await stack.customerWrites('5491155550101', 'Hola, ¿mi pedido 7781 ya salió?', {
    name: 'Carmen Ruiz',
    at: WRITTEN_AT,
  });
}, 120_000);

afterAll(async () => {
  for (const browser of opened) await browser.close();
  await stack?.close();
});

async function browse(locale: string): Promise<Page> {
  const browser = await openBrowser({ locale });
  opened.push(browser);
  browser.page.setDefaultTimeout(20_000);
  return browser.page;
}

const navText = (page: Page, view: string) => page.locator(`.nav-item[data-view="${view}"]`).innerText();
const rowTime = (page: Page) => page.locator('.row:has-text("Carmen Ruiz") .row-time').innerText();
/** The day as Chromium's Intl writes it in that locale: the test does not hard-code either language's months. */
const dayIn = (page: Page, tag: string) =>
  page.evaluate(
    ([iso, locale]) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(iso!)),
    [WRITTEN_AT.toISOString(), tag],
  );

describe('each agent picks their language', () => {
  it('a browser in Portuguese shows the sign-in form in Portuguese; one in French falls back to English', async () => {
    const portuguese = await browse('pt-BR');
    await portuguese.goto(stack.host.url);
    await portuguese.waitForSelector('form.login-card');
    expect(await portuguese.locator('button[type="submit"]').innerText()).toBe('Entrar');
    expect(await portuguese.locator('label:has(input[name="password"])').innerText()).toContain('Senha');
    expect(await portuguese.getAttribute('html', 'lang')).toBe('pt');
    await saveScreen(portuguese, 'login-pt');

    const french = await browse('fr-FR');
    await french.goto(stack.host.url);
    await french.waitForSelector('form.login-card');
    expect(await french.locator('button[type="submit"]').innerText()).toBe('Sign in');
  });

  it('switching to Spanish turns the inbox Spanish at once, dates included, and the server keeps the choice', async () => {
    const page = await browse('en-US');
    await signIn(page, stack, AGENT);
    await page.click('.nav-item[data-view="queues"]');
    await page.waitForSelector('.row:has-text("Carmen Ruiz")');
    expect(await navText(page, 'queues')).toBe('Queues');
    expect(await rowTime(page)).toBe(await dayIn(page, 'en-US'));

    await page.selectOption('select[aria-label="Language"]', 'es');
    // No reload: the same page speaks Spanish.
    await page.waitForSelector('.nav-item[data-view="queues"]:has-text("Colas")');
    expect(await navText(page, 'all')).toBe('Todas');
    expect(await page.locator('.list-header h2').innerText()).toBe('Colas');
    expect(await page.locator('select[aria-label="Ordenar conversaciones"] option:checked').innerText()).toBe(
      'Prioridad',
    );
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    const spanishDay = await dayIn(page, 'es-419');
    expect(spanishDay).not.toBe(await dayIn(page, 'en-US'));
    expect(await rowTime(page)).toBe(spanishDay);

    await page.click('.row:has-text("Carmen Ruiz")');
    await page.waitForSelector('.bubble-row.in:has-text("mi pedido 7781")');
    expect(await page.locator('.conversation [role="toolbar"] button:has-text("Etiquetas")').count()).toBe(1);
    expect(await page.locator('.context .clock-label').last().textContent()).toBe('Ventana de 24 h');
    // The automation history's facts carry Spanish labels, not the server's field names.
    const history = await page.locator('.context .timeline').innerText();
    expect(history).toContain('Confianza:');
    expect(history).not.toContain('confidence:');
    // The message's own time: the day, then the time, as Spanish writes them.
    const bubbleTime = await page.locator('.bubble-row.in .bubble-meta span').first().innerText();
    expect(bubbleTime.startsWith(spanishDay.replace(/\.$/, ''))).toBe(true);
    await saveScreen(page, 'inbox-es');

    const me = await eventually(async () => {
      const answer = await stack.server.api<UserDTO>(agentToken, 'GET', '/api/me');
      return answer.body.locale === 'es' && answer.body;
    }, 'the choice saved on the server');
    expect(me.locale).toBe('es');

    await page.reload();
    await page.waitForSelector('.nav-item[data-view="all"]:has-text("Todas")');

    // Search, in the sidebar and on its screen, speaks it too.
    await page.click('.nav-item[data-screen="search"]:has-text("Buscar")');
    await page.waitForSelector('input[aria-label="Buscar en todo el historial"]');
    expect(await page.locator('.search-screen .empty-state').innerText()).toBe(
      'Escribe al menos 2 caracteres para buscar en todas las conversaciones.',
    );
  });

  it('signing in on another machine, in a browser set to English, brings the Spanish back from the server', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-host-'));
    const otherHost = await startNodeHost({ port: 0, dataDir, rendererDir: RENDERER_DIST });
    try {
      const page = await browse('en-US');
      await page.goto(otherHost.url);
      await page.waitForSelector('form.login-card button[type="submit"]:has-text("Sign in")');
      await signIn(page, stack, AGENT, { host: otherHost.url });
      await page.waitForSelector('.nav-item[data-view="all"]:has-text("Todas")');
      expect(await page.locator('select[aria-label="Idioma"]').inputValue()).toBe('es');
      expect(await page.getAttribute('html', 'lang')).toBe('es');

      // Here the agent switches to Portuguese: the open conversation follows, dates in Brazil's format.
      await page.selectOption('select[aria-label="Idioma"]', 'pt');
      await page.waitForSelector('.nav-item[data-view="queues"]:has-text("Filas")');
      await page.click('.nav-item[data-view="queues"]');
      await page.click('.row:has-text("Carmen Ruiz")');
      await page.waitForSelector('.bubble-row.in:has-text("mi pedido 7781")');
      expect(await page.locator('.conversation [role="toolbar"] button:has-text("Etiquetas")').count()).toBe(1);
      expect(await page.locator('.context .clock-label').last().textContent()).toBe('Janela de 24 h');
      expect(await rowTime(page)).toBe(await dayIn(page, 'pt-BR'));
      expect(await page.getAttribute('html', 'lang')).toBe('pt');
      await saveScreen(page, 'inbox-pt');
    } finally {
      await otherHost.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('an admin who picks Español, then Português, reads Settings, Reports and Search in that language', async () => {
    // A host of its own: the shared one keeps the agent's session from the tests above.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-host-'));
    const adminHost = await startNodeHost({ port: 0, dataDir, rendererDir: RENDERER_DIST });
    try {
      await readSettingsReportsAndSearch(adminHost.url);
    } finally {
      await adminHost.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function readSettingsReportsAndSearch(hostUrl: string): Promise<void> {
  const page = await browse('en-US');
  await signIn(page, stack, ADMIN, { host: hostUrl });
  await page.selectOption('select[aria-label="Language"]', 'es');

  await page.click('.nav-item:has-text("Ajustes")');
  await page.waitForSelector('.settings h2:has-text("Ajustes")');
  const sections = await page.locator('.settings-nav-item').allInnerTexts();
  expect(sections).toEqual([
    'Usuarios',
    'Colas y horario',
    'Plantillas',
    'Respuestas predefinidas',
    'Canales',
    'Bots y claves de API',
    'Prioridad y SLA',
    'Registro de auditoría',
  ]);
  await page.waitForSelector(`tr[data-user-email="${ADMIN.email}"]:has-text("Administrador")`);
  expect(await page.locator('table[aria-label="Equipo"] th').allInnerTexts()).toContain('Horario de trabajo');
  expect(await page.locator('form[aria-label="Nuevo usuario"] button[type="submit"]').innerText()).toBe(
    'Agregar usuario',
  );
  await saveScreen(page, 'i18n-settings-es');
  await page.click('.settings-nav-item:has-text("Colas y horario")');
  await page.waitForSelector('tr[data-queue-name="Soporte"]:has-text("Los agentes las toman")');
  await page.click('tr[data-queue-name="Soporte"] button:has-text("Horario y respuesta")');
  await page.waitForSelector('form[aria-label="Horario de Soporte"] legend:has-text("Abierta los días")');
  await saveScreen(page, 'i18n-settings-queues-es');

  await page.click('.nav-item:has-text("Informes")');
  await page.waitForSelector('.reports h2:has-text("Informes")');
  await page.waitForSelector('[data-figure="opened"] .stat-label:has-text("Abiertas")');
  expect(await page.locator('.report-filters label:has(input[name="from"])').innerText()).toContain('Desde');
  expect(await page.locator('[data-table="agents"] th').allInnerTexts()).toContain('Primera respuesta (mediana)');
  await saveScreen(page, 'i18n-reports-es');

  await page.click('.nav-item:has-text("Buscar")');
  const search = page.locator('input[type="search"]');
  expect(await search.getAttribute('placeholder')).toBe('Buscar mensajes, contactos y etiquetas');
  await page.waitForSelector('.empty-state:has-text("Escribe al menos 2 caracteres")');
  await search.fill('pedido');
  await page.waitForSelector('.search-hit:has-text("Carmen Ruiz") .search-status:has-text("Abierta")');
  await saveScreen(page, 'i18n-search-es');

  await page.selectOption('select[aria-label="Idioma"]', 'pt');
  await page.click('.nav-item:has-text("Relatórios")');
  await page.waitForSelector('[data-figure="opened"] .stat-label:has-text("Abertas")');
  expect(await page.locator('.reports h2').innerText()).toBe('Relatórios');
  await saveScreen(page, 'i18n-reports-pt');
  await page.click('.nav-item:has-text("Configurações")');
  await page.waitForSelector('.settings-nav-item:has-text("Respostas prontas")');
  await page.click('.settings-nav-item:has-text("Registro de auditoria")');
  await page.waitForSelector('table[aria-label="Registro de auditoria"] tr:has-text("criou")');
  await saveScreen(page, 'i18n-settings-audit-pt');
  await page.click('.settings-nav-item:has-text("Usuários")');
  await page.waitForSelector('table[aria-label="Equipe"] th:has-text("Função")');
  await saveScreen(page, 'i18n-settings-pt');
}
