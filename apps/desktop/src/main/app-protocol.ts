import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import type { InboxService } from '../service/inbox-service.js';

export const APP_SCHEME = 'switchboard';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const isAppUrl = (url: string) => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);

/** The renderer may load only its own files and media; it talks to the engine over IPC, never the network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob:`,
  `media-src 'self' blob:`,
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * `switchboard://app/...`: the built renderer (a real origin, so the CSP's 'self' means something, unlike
 * file://) and `switchboard://app/media/<id>`, inbound media fetched with the session's token in main.
 */
export function registerAppProtocol(protocol: Protocol, net: Net, rendererDir: string, service: InboxService): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('not found', { status: 404 });
    const media = /^\/media\/([0-9a-f]{24})$/.exec(url.pathname);
    if (media) {
      const upstream = await service.fetchMedia(media[1]!).catch(() => null);
      return upstream ?? new Response('the server cannot be reached', { status: 502 });
    }
    const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    const file = path.join(rendererDir, relative && path.extname(relative) ? relative : 'index.html');
    if (!file.startsWith(rendererDir + path.sep)) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
