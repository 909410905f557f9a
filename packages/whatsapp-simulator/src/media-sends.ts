import { isAnimatedWebp } from './webp.js';
import { SUPPORTED_MEDIA } from './media-limits.js';
import { graphError } from './meta-errors.js';
import type { SendMessageRequest } from './send-request.schema.js';
import type { SimulatorContext } from './simulator-context.js';

const MEDIA_SEND_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);
const STATIC_STICKER_MAX_BYTES = 100 * 1024;

/**
 * A media send by id must name a file uploaded to this API, of a type that message type carries (a PDF is
 * not an image); Cloud API refuses the rest with 131053. Sends by link are not fetched, so not checked.
 */
export function mediaSendProblem(ctx: SimulatorContext, body: SendMessageRequest) {
  if (!MEDIA_SEND_TYPES.has(body.type)) return null;
  const ref = (body as unknown as Record<string, { id?: string }>)[body.type];
  if (!ref?.id) return null;
  const media = ctx.media.get(ref.id);
  if (!media) return graphError(131053, { details: `Unable to retrieve media with id ${ref.id}.` });
  if (!SUPPORTED_MEDIA[media.mimeType]?.sendTypes.includes(body.type))
    return graphError(131053, { details: `Media of type ${media.mimeType} cannot be sent as ${body.type}.` });
  if (body.type === 'sticker' && !isAnimatedWebp(media.bytes) && media.bytes.length > STATIC_STICKER_MAX_BYTES)
    return graphError(131053, { details: 'A static sticker may be at most 100 KB.' });
  return null;
}
