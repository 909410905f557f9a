import express, { type ErrorRequestHandler, type Express } from 'express';
import { controlRoutes } from './control-routes.js';
import { graphVersionOnly, requireBearer } from './graph-auth.js';
import { MEDIA_DOWNLOAD_PATH, mediaDownloadRoute, mediaMetadataRoute } from './media-routes.js';
import { mediaUploadRoute, multipartErrors, multipartUpload } from './media-upload-route.js';
import { fbtraceId } from './ids.js';
import { graphError, transientServerError } from './meta-errors.js';
import { sendRoute } from './send-route.js';
import { templateEditRoute, templateRoute } from './template-route.js';
import type { SimulatorContext } from './simulator-context.js';

/** Unmatched paths get Graph's own answer rather than Express's HTML page. */
function unknownPath(path: string) {
  return {
    error: { message: `Unknown path components: ${path}`, type: 'OAuthException', code: 2500, fbtrace_id: fbtraceId() },
  };
}

const graphErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, _next) => {
  const { status, body } =
    error.type === 'entity.parse.failed'
      ? graphError(100, { details: 'The request body is not valid JSON.' })
      : transientServerError(500);
  res.status(status).json(body);
};

export function createSimulatorApp(ctx: SimulatorContext): Express {
  const app = express();
  const bearer = requireBearer(ctx.accessToken);
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb' }));
  app.use('/__simulator', controlRoutes(ctx));
  app.get(MEDIA_DOWNLOAD_PATH, bearer, mediaDownloadRoute(ctx));
  app.post('/:version/:phoneNumberId/messages', graphVersionOnly, bearer, sendRoute(ctx));
  app.post(
    '/:version/:phoneNumberId/media',
    graphVersionOnly,
    bearer,
    multipartUpload,
    multipartErrors,
    mediaUploadRoute(ctx),
  );
  app.post('/:version/:wabaId/message_templates', graphVersionOnly, bearer, templateRoute(ctx));
  app.post('/:version/:templateId', graphVersionOnly, bearer, templateEditRoute(ctx));
  app.get('/:version/:mediaId', graphVersionOnly, bearer, mediaMetadataRoute(ctx));
  app.use((req, res) => {
    res.status(400).json(unknownPath(req.path));
  });
  app.use(graphErrors);
  return app;
}
