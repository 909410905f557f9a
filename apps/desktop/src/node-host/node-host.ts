import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import sirv from 'sirv';
import { createBridgeServer, sameKey } from './bridge-server.js';
import { createInboxService, type InboxServiceOptions } from '../service/inbox-service.js';
import { loadHostKey } from './host-key.js';

export type NodeHostOptions = {
  /** 0 picks a free port; any other is used as given (the address must not move), or the start fails. */
  port: number;
  dataDir: string;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** Offered on the sign-in screen. */
  defaultServerUrl?: string;
  engine?: InboxServiceOptions['engine'];
};

export type NodeHost = Awaited<ReturnType<typeof startNodeHost>>;

/** Headers copied from the server's media answer: what the browser needs to show or save the file. */
const MEDIA_HEADERS = ['content-type', 'content-length', 'content-disposition', 'cache-control'];

/**
 * The engine's host for a browser: serves the built renderer, carries the contract over `/bridge`, and
 * streams inbound media with the session's token (the token never reaches the page). Loopback only.
 */
export async function startNodeHost(options: NodeHostOptions) {
  const key = await loadHostKey(options.dataDir);
  let origin = '';
  const service = createInboxService({
    dataDir: options.dataDir,
    mediaUrl: (id) => `/media/${encodeURIComponent(id)}?key=${key}`,
    ...(options.defaultServerUrl ? { defaultServerUrl: options.defaultServerUrl } : {}),
    ...(options.engine ? { engine: options.engine } : {}),
  });
  const hasRenderer = existsSync(options.rendererDir);
  const files = hasRenderer ? sirv(options.rendererDir, { single: true, etag: true }) : null;
  const csp = () =>
    [
      "default-src 'self'",
      "script-src 'self'",
      // React sets style attributes; no inline scripts are allowed.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "media-src 'self' blob:",
      `connect-src 'self' ${origin.replace(/^http/, 'ws')}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; ');

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const media = /^\/media\/([^/]+)$/.exec(url.pathname);
    if (media) return void streamMedia(decodeURIComponent(media[1]!), url, res);
    res.setHeader('content-security-policy', csp());
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!files) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(
        `The renderer is not built: run pnpm --filter @switchboard/desktop run build:renderer (looked in ${options.rendererDir})`,
      );
    }
    files(req, res, () => {
      res.writeHead(404).end();
    });
  });

  async function streamMedia(messageId: string, url: URL, res: http.ServerResponse) {
    if (!sameKey(url.searchParams.get('key'), key)) return void res.writeHead(401).end();
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const upstream = await service.fetchMedia(messageId, abort.signal);
      const headers: Record<string, string> = {};
      for (const name of MEDIA_HEADERS) {
        const value = upstream.headers.get(name);
        if (value) headers[name] = value;
      }
      res.writeHead(upstream.status, headers);
      if (!upstream.body) return void res.end();
      Readable.fromWeb(upstream.body as WebReadableStream)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(error instanceof Error ? error.message : String(error));
    }
  }

  const bridge = createBridgeServer(service, key, () => [origin, origin.replace('127.0.0.1', 'localhost')]);
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/bridge') bridge.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  await service.start();
  try {
    await listen(server, options.port);
  } catch (error) {
    await service.stop();
    throw error;
  }
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    key,
    /** The address to open: the key in it lets the page connect to the bridge. */
    url: `${origin}/?key=${key}`,
    hasRenderer,
    service,
    async close() {
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.stop();
    },
  };
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') return reject(error);
      reject(
        new Error(
          `port ${port} on 127.0.0.1 is taken: another Switchboard inbox (or another program) is listening there. ` +
            `Stop it, or start this one on another port with --port <n> or SWITCHBOARD_HOST_PORT=<n> (the inbox's address changes with it).`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
