import type { RequestHandler } from 'express';
import { randomBytes } from 'node:crypto';
import { graphError } from './meta-errors.js';
import type { SimulatorContext } from './simulator-context.js';

/** Where the simulator serves media bytes, shaped like Meta's lookaside download URLs. */
export const MEDIA_DOWNLOAD_PATH = '/whatsapp_business/attachments/';

function unknownObject(id: string): ReturnType<typeof graphError> {
  return graphError(100, {
    subcode: 33,
    details: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}

/** `GET /:version/:mediaId`: the media metadata step of the Graph API media flow. */
export function mediaMetadataRoute(ctx: SimulatorContext): RequestHandler {
  return (req, res) => {
    const mediaId = String(req.params.mediaId);
    const media = ctx.media.get(mediaId);
    if (!media) {
      const { status, body } = unknownObject(mediaId);
      res.status(status).json(body);
      return;
    }
    const query = new URLSearchParams({
      mid: media.id,
      ext: String(Math.floor(Date.now() / 1000)),
      hash: randomBytes(12).toString('base64url'),
    });
    res.json({
      messaging_product: 'whatsapp',
      url: `${ctx.baseUrl()}${MEDIA_DOWNLOAD_PATH}?${query.toString()}`,
      mime_type: media.mimeType,
      sha256: media.sha256,
      file_size: media.bytes.length,
      id: media.id,
    });
  };
}

/** The download step: the URL from the metadata, fetched with the same bearer token. */
export function mediaDownloadRoute(ctx: SimulatorContext): RequestHandler {
  return (req, res) => {
    const mediaId = typeof req.query.mid === 'string' ? req.query.mid : '';
    const media = ctx.media.get(mediaId);
    if (!media) {
      const { status, body } = unknownObject(mediaId);
      res.status(status).json(body);
      return;
    }
    res.status(200).type(media.mimeType).set('content-length', String(media.bytes.length)).end(media.bytes);
  };
}
