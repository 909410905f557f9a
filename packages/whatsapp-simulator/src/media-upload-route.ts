import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import { MAX_UPLOAD_BYTES, SUPPORTED_MEDIA } from './media-limits.js';
import { graphError } from './meta-errors.js';
import type { SimulatorContext } from './simulator-context.js';

/** One file per upload, kept in memory like the rest of the simulator's media. */
export const multipartUpload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 },
}).single('file');

const refuse = (details: string, code: 100 | 131053 = 100) => graphError(code, { details });

/** multer's own refusals (a file over the largest limit, a second file) in Graph's error shape. */
export const multipartErrors: ErrorRequestHandler = (error: { code?: string; message?: string }, _req, res, next) => {
  if (!error?.code?.startsWith('LIMIT_')) return next(error);
  const { status, body } = refuse(`Upload attachment failure: ${error.message ?? error.code}.`, 131053);
  res.status(status).json(body);
};

/**
 * `POST /:version/:phoneNumberId/media` (multipart/form-data: `messaging_product`, `type`, `file`): checks the
 * file the way Cloud API does (a supported type within its size limit) and answers its media id, which
 * sends, the metadata endpoint and downloads then know.
 */
export function mediaUploadRoute(ctx: SimulatorContext): RequestHandler {
  return (req, res) => {
    const fields = (req.body ?? {}) as Record<string, unknown>;
    const file = req.file;
    const problem =
      fields.messaging_product !== 'whatsapp'
        ? refuse('The parameter messaging_product is required.')
        : !file
          ? refuse('The parameter file is required.')
          : typeof fields.type !== 'string' || fields.type === ''
            ? refuse('The parameter type is required.')
            : uploadProblem(String(fields.type), file.size);
    if (problem) {
      res.status(problem.status).json(problem.body);
      return;
    }
    const mimeType = String(fields.type);
    const id = ctx.media.register({ mimeType, bytes: file!.buffer, filename: file!.originalname });
    ctx.uploads.push({
      id,
      phoneNumberId: String(req.params.phoneNumberId),
      mimeType,
      filename: file!.originalname,
      size: file!.size,
    });
    res.json({ id });
  };
}

function uploadProblem(mimeType: string, size: number) {
  const rule = SUPPORTED_MEDIA[mimeType];
  if (!rule)
    return refuse(
      `Param file must be a file with one of the following types: ${Object.keys(SUPPORTED_MEDIA).join(', ')}. Received file of type '${mimeType}'.`,
      131053,
    );
  if (size === 0) return refuse('Upload attachment failure: the file is empty.', 131053);
  if (size > rule.maxBytes)
    return refuse(
      `Upload attachment failure: ${mimeType} files may be at most ${rule.maxBytes} bytes; this one is ${size}.`,
      131053,
    );
  return null;
}
