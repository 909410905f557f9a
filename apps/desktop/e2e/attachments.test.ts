import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WebSocketRoute } from 'playwright-core';
import type { ConversationDTO } from '@switchboard/shared';
import { eventually } from '@switchboard/test-support/harness';
import { stripedPng } from './support/png.js';
import { saveScreen } from './support/screens.js';
import { openView, signIn, startInbox, type Inbox } from './support/session.js';
import type { Stack } from './support/stack.js';

let inbox: Inbox;
let stack: Stack;
let page: Page;
let conversation: ConversationDTO;

const WA_ID = '5215512340019';
const PHOTO = stripedPng(640, 400); // ~770 KB: two pieces to hand over
const PDF = Buffer.from(`%PDF-1.4\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(60)}trailer <<>>\n%%EOF\n`);
const composer = '.composer';
const chip = `${composer} .attachment-chip`;
const dialog = '[role="dialog"][aria-label="Send reply buttons or a list"]';

/**
 * The page's link to the Node host passes through here, so a test can hold the pieces of a file after the
 * first: the composer then shows the file part-way prepared, for as long as the test needs to look at it.
 */
const held: { on: boolean; frames: string[]; host: WebSocketRoute | null } = { on: false, frames: [], host: null };
function releasePieces() {
  held.on = false;
  for (const frame of held.frames.splice(0)) held.host?.send(frame);
}

/** The few browser globals the page-side functions below use (this project compiles without the DOM's types). */
type BrowserGlobals = {
  DataTransfer: new () => { items: { add(file: File): void } };
  ClipboardEvent: new (
    type: string,
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean },
  ) => unknown;
  document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
};

/** What WhatsApp was asked to send to the customer, oldest first. */
const sendsOfType = (type: string) => stack.sim.sentMessages.filter((m) => m.type === type).map((m) => m.request);

beforeAll(async () => {
  inbox = await startInbox();
  ({ stack, page } = inbox);
  await stack.customerWrites(WA_ID, '¿Me mandan la factura y el comprobante?', { name: 'Lucía Fernández' });
  await page.routeWebSocket(/\/bridge\?/, (route) => {
    const server = route.connectToServer();
    held.host = server;
    route.onMessage((frame) => {
      const text = String(frame);
      if (held.on && text.includes('"attachment:write"') && !/"args":\["[^"]+",0,/.test(text)) held.frames.push(text);
      else server.send(frame);
    });
  });
  await signIn(page, stack);
  await openView(page, 'all');
  conversation = (await eventually(() => stack.conversationOf(WA_ID), 'the conversation'))!;
  await page.click(`[data-conversation-id="${conversation.id}"]`);
  await page.waitForSelector('.conversation-header:has-text("Lucía Fernández")');
}, 120_000);

afterAll(() => inbox?.close());

describe('attachments and interactive replies in Chromium, against the real server, simulator and Node host', () => {
  it("refuses a file past WhatsApp's limit before uploading, naming the file and the limit", async () => {
    await page.setInputFiles(`${composer} input[type="file"]`, {
      name: 'escaneo-completo.png',
      mimeType: 'image/png',
      buffer: Buffer.alloc(6 * 1024 * 1024 + 1),
    });
    const error = page.locator(`${composer} .attachment-error`);
    await error.waitFor();
    expect(await error.textContent()).toBe('escaneo-completo.png is 6 MB: WhatsApp takes at most 5 MB for a photo.');
    expect(await page.locator(chip).count()).toBe(0);
    expect(stack.sim.uploads).toEqual([]);
    await error.locator('button[aria-label="Dismiss"]').click();
    await error.waitFor({ state: 'detached' });
  });

  it('a photo attached with progress waits offline in the outbox, then reaches WhatsApp as an image by its media id', async () => {
    held.on = true;
    await page.setInputFiles(`${composer} input[type="file"]`, {
      name: 'factura-lucia.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await page.waitForSelector(`${chip}[data-state="staging"]:has-text("factura-lucia.png")`);
    await eventually(
      async () => Number(await page.locator(`${chip} progress`).getAttribute('value')) > 0,
      'the first piece to be kept',
    );
    await page.fill(`${composer} textarea`, 'Aquí está tu factura de noviembre');
    expect(await page.locator(`${composer} button.btn.primary`).isDisabled()).toBe(true);
    await saveScreen(page, 'attach-composer-progress');
    releasePieces();
    await page.waitForSelector(`${chip}[data-state="ready"]:has-text("Ready to send")`);

    stack.proxy.cut();
    await page.waitForSelector('[aria-label="Connection"][data-state="offline"]');
    await page.click(`${composer} button.btn.primary`);
    const pending = page.locator('[data-pending-id]:has(.pending-file)');
    await pending.locator('.bubble-meta:has-text("Waiting to send")').waitFor();
    await pending.locator('img.image').waitFor();
    expect(await page.locator(chip).count()).toBe(0);
    await saveScreen(page, 'attach-pending-offline');
    expect(stack.sim.uploads).toEqual([]);

    stack.proxy.restore();
    const sent = page.locator('.bubble-row.out[data-status="sent"]:has-text("Aquí está tu factura de noviembre")');
    await sent.locator('img.image').waitFor();
    await pending.waitFor({ state: 'detached' });
    await eventually(
      async () =>
        (await sent.locator('img.image').evaluate((img: { naturalWidth: number }) => img.naturalWidth)) === 640,
      'the sent photo to load from WhatsApp',
    );
    const uploads = stack.sim.uploads.filter((u) => u.filename === 'factura-lucia.png');
    expect(uploads).toEqual([expect.objectContaining({ mimeType: 'image/png', size: PHOTO.length })]);
    expect(sendsOfType('image')).toEqual([
      expect.objectContaining({
        messaging_product: 'whatsapp',
        to: WA_ID,
        type: 'image',
        image: { id: uploads[0]!.id, caption: 'Aquí está tu factura de noviembre' },
      }),
    ]);
  });

  it('a document dropped on the thread is sent by its media id with its name, and shows its name and size', async () => {
    const files = await page.evaluateHandle(
      ([bytes, name, type]) => {
        const { DataTransfer } = globalThis as unknown as BrowserGlobals;
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type }));
        return data;
      },
      [[...PDF], 'Factura 4411.pdf', 'application/pdf'] as const,
    );
    await page.dispatchEvent('.thread', 'dragenter', { dataTransfer: files });
    await page.waitForSelector('.drop-hint:has-text("Drop the file to attach it to your reply")');
    await saveScreen(page, 'attach-drop-hint');
    await page.dispatchEvent('.thread', 'drop', { dataTransfer: files });
    await page.waitForSelector('.drop-hint', { state: 'detached' });
    await page.waitForSelector(`${chip}[data-state="ready"]:has-text("Factura 4411.pdf")`);
    await page.press(`${composer} textarea`, 'Enter');

    const sent = page.locator('.bubble-row.out[data-status="sent"]:has(.doc-name:has-text("Factura 4411.pdf"))');
    await sent.waitFor();
    expect(await sent.locator('.document .muted').textContent()).toBe('PDF · 2 kB');
    const upload = stack.sim.uploads.find((u) => u.filename === 'Factura 4411.pdf')!;
    expect(upload).toMatchObject({ mimeType: 'application/pdf', size: PDF.length });
    expect(sendsOfType('document')).toEqual([
      expect.objectContaining({ type: 'document', document: { id: upload.id, filename: 'Factura 4411.pdf' } }),
    ]);
  });

  it('a pasted picture attaches, and removing it takes it off the composer', async () => {
    await page.focus(`${composer} textarea`);
    await page.evaluate(
      (bytes) => {
        const { DataTransfer, ClipboardEvent, document } = globalThis as unknown as BrowserGlobals;
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], 'captura.png', { type: 'image/png' }));
        const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        document.querySelector('.composer textarea')!.dispatchEvent(paste);
      },
      [...stripedPng(60, 40)],
    );
    await page.waitForSelector(`${chip}[data-state="ready"]:has-text("captura.png")`);
    await page.click(`${chip} button[aria-label="Remove captura.png"]`);
    await page.waitForSelector(chip, { state: 'detached' });
    expect(stack.sim.uploads.some((u) => u.filename === 'captura.png')).toBe(false);
  });

  it('two files dropped at once go as two messages, in order, the text as the first caption', async () => {
    const files = await page.evaluateHandle(
      ([pdf, png]) => {
        const { DataTransfer } = globalThis as unknown as BrowserGlobals;
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(pdf)], 'Comprobante 88.pdf', { type: 'application/pdf' }));
        data.items.add(new File([new Uint8Array(png)], 'recibo.png', { type: 'image/png' }));
        return data;
      },
      [[...PDF], [...stripedPng(80, 60)]] as const,
    );
    await page.dispatchEvent('.thread', 'dragenter', { dataTransfer: files });
    await page.dispatchEvent('.thread', 'drop', { dataTransfer: files });
    await page.waitForSelector(`${chip}[data-state="ready"]:has-text("Comprobante 88.pdf")`);
    await page.waitForSelector(`${chip}[data-state="ready"]:has-text("recibo.png")`);
    await page.fill(`${composer} textarea`, 'Te mando ambos');
    await saveScreen(page, 'attach-two-files');
    await page.press(`${composer} textarea`, 'Enter');

    await page.waitForSelector('.bubble-row.out[data-status="sent"]:has(.doc-name:has-text("Comprobante 88.pdf"))');
    await page.waitForSelector(chip, { state: 'detached' });
    type MediaSend = { type: string; document?: { id: string }; image?: { id: string } };
    const uploadOf = (name: string) => stack.sim.uploads.find((u) => u.filename === name)?.id;
    const sends = await eventually(async () => {
      const ids = [uploadOf('Comprobante 88.pdf'), uploadOf('recibo.png')];
      const mine = stack.sim.sentMessages
        .map((m) => m.request as MediaSend)
        .filter((r) => {
          const id = r.document?.id ?? r.image?.id;
          return id !== undefined && ids.includes(id);
        });
      return mine.length === 2 ? mine : undefined;
    }, 'both files sent to WhatsApp');
    expect(sends).toEqual([
      expect.objectContaining({
        type: 'document',
        document: { id: uploadOf('Comprobante 88.pdf'), filename: 'Comprobante 88.pdf', caption: 'Te mando ambos' },
      }),
      expect.objectContaining({ type: 'image', image: { id: uploadOf('recibo.png') } }),
    ]);
  });

  it('reply buttons are checked against the shared limits, previewed, and reach WhatsApp as an interactive button message', async () => {
    await page.click(`${composer} button[aria-label="Buttons or list…"]`);
    await page.waitForSelector(dialog);
    await page.fill('#ix-body', '¿Cómo seguimos con tu pedido 4411?');
    await page.fill('#ix-buttons\\.0\\.title', 'Rastrear pedido');
    await page.click(`${dialog} button:has-text("Add a button")`);
    await page.fill('#ix-buttons\\.1\\.title', 'Cambiar la dirección de entrega');
    await page.click(`${dialog} button:has-text("Add a button")`);
    await page.fill('#ix-buttons\\.2\\.title', 'Hablar con alguien');
    await page.click(`${dialog} button[type="submit"]`);
    const error = page.locator('[data-field="buttons.1.title"] .field-error');
    expect(await error.textContent()).toBe('WhatsApp allows at most 20 characters.');
    expect(await page.locator(`${dialog} button:has-text("Add a button")`).count()).toBe(0);
    await page.fill('#ix-buttons\\.1\\.title', 'Cambiar dirección');
    await error.waitFor({ state: 'detached' });
    await page.fill('#ix-footer', 'Tienda Sol · Atención al cliente');
    expect(await page.locator(`${dialog} .wa-button`).allTextContents()).toEqual([
      ' Rastrear pedido',
      ' Cambiar dirección',
      ' Hablar con alguien',
    ]);
    await saveScreen(page, 'interactive-preview-buttons');
    await page.click(`${dialog} button[type="submit"]`);
    await page.waitForSelector(dialog, { state: 'detached' });

    const sent = page.locator('.bubble-row.out[data-status="sent"]:has-text("¿Cómo seguimos con tu pedido 4411?")');
    await sent.waitFor();
    expect(await sent.locator('.sent-button').allTextContents()).toEqual([
      'Rastrear pedido',
      'Cambiar dirección',
      'Hablar con alguien',
    ]);
    await eventually(async () => sendsOfType('interactive').length === 1, 'the buttons to reach WhatsApp');
    expect(sendsOfType('interactive')[0]).toMatchObject({
      to: WA_ID,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿Cómo seguimos con tu pedido 4411?' },
        footer: { text: 'Tienda Sol · Atención al cliente' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'rastrear-pedido-1', title: 'Rastrear pedido' } },
            { type: 'reply', reply: { id: 'cambiar-direccion-2', title: 'Cambiar dirección' } },
            { type: 'reply', reply: { id: 'hablar-con-alguien-3', title: 'Hablar con alguien' } },
          ],
        },
      },
    });
  });

  it('a list message is previewed with its sections and rows and reaches WhatsApp as an interactive list', async () => {
    await page.click(`${composer} button[aria-label="Buttons or list…"]`);
    await page.click(`${dialog} [role="radio"]:has-text("List")`);
    await page.fill('#ix-header', 'Cambio de talla');
    await page.fill('#ix-body', 'Elige la talla que prefieres para el cambio.');
    await page.fill('#ix-button', 'Ver tallas');
    await page.fill('#ix-sections\\.0\\.rows\\.0\\.title', 'Talla 38');
    await page.fill('#ix-sections\\.0\\.rows\\.0\\.description', 'Disponible hoy');
    await page.click(`${dialog} button:has-text("Add an option")`);
    await page.fill('#ix-sections\\.0\\.rows\\.1\\.title', 'Talla 40');
    await page.click(`${dialog} button:has-text("Add a section")`);
    await page.fill('#ix-sections\\.1\\.rows\\.0\\.title', 'Hablar con un asesor');
    await page.click(`${dialog} button[type="submit"]`);
    // With two sections each needs a title: named beside the first one's, nothing sent.
    await page.waitForSelector('[data-field="sections.0.title"] .field-error:has-text("each needs a title")');
    await page.fill('#ix-sections\\.0\\.title', 'Tallas');
    await page.fill('#ix-sections\\.1\\.title', 'Otra opción');
    expect(await page.locator(`${dialog} .wa-row`).count()).toBe(3);
    await saveScreen(page, 'interactive-preview-list');
    await page.click(`${dialog} button[type="submit"]`);
    await page.waitForSelector(dialog, { state: 'detached' });

    // The fourth message to Lucía within seconds: WhatsApp's pair limit (3 per 18 s) holds it back a while.
    await page.waitForSelector('.bubble-row.out[data-status="sent"] .sent-button:has-text("Ver tallas")', {
      timeout: 45_000,
    });
    await eventually(async () => sendsOfType('interactive').length === 2, 'the list to reach WhatsApp');
    expect(sendsOfType('interactive')[1]).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Cambio de talla' },
        body: { text: 'Elige la talla que prefieres para el cambio.' },
        action: {
          button: 'Ver tallas',
          sections: [
            {
              title: 'Tallas',
              rows: [
                { id: 'talla-38-1-1', title: 'Talla 38', description: 'Disponible hoy' },
                { id: 'talla-40-1-2', title: 'Talla 40' },
              ],
            },
            { title: 'Otra opción', rows: [{ id: 'hablar-con-un-asesor-2-1', title: 'Hablar con un asesor' }] },
          ],
        },
      },
    });
    await saveScreen(page, 'attach-interactive-sent-bubbles');
  }, 90_000);
});
