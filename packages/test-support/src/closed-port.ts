import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

let door: Promise<string> | null = null;

/**
 * A loopback URL on a port this test process holds and answers nothing on: every connection is reset at
 * once. Servers under test send their WhatsApp calls here unless a test gives them a simulator, so a test
 * never reaches a port it did not open (the development simulator's default 4010, for one).
 */
export function closedPortUrl(): Promise<string> {
  door ??= new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
  return door;
}
