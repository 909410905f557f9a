import type { Request, RequestHandler, Response } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { wamid, waIdOf } from './ids.js';
import { mediaSendProblem } from './media-sends.js';
import { graphError, transientServerError } from './meta-errors.js';
import { parseMessagesRequest, type SendMessageRequest } from './send-request.schema.js';
import type { SentMessage, SimulatorContext } from './simulator-context.js';

function sendResponse(body: SendMessageRequest, id: string): object {
  const contact =
    body.to !== undefined
      ? { input: body.to, wa_id: waIdOf(body.to) }
      : { input: body.recipient, user_id: body.recipient };
  // Cloud API adds message_status (template pacing) only to template sends.
  const message = body.type === 'template' ? { id, message_status: 'accepted' } : { id };
  return { messaging_product: 'whatsapp', contacts: [contact], messages: [message] };
}

function accept(ctx: SimulatorContext, req: Request, body: SendMessageRequest, answered: boolean): SentMessage {
  const phoneNumberId = String(req.params.phoneNumberId);
  const owner = body.to ?? body.recipient ?? '';
  const failure = ctx.faults.nextDeliveryFailure();
  const sent: SentMessage = {
    id: wamid(owner, 'outbound'),
    phoneNumberId,
    ...(body.to !== undefined ? { waId: waIdOf(body.to) } : {}),
    ...(body.to === undefined && body.recipient !== undefined ? { recipient: body.recipient } : {}),
    type: body.type,
    request: body,
    acceptedAt: new Date().toISOString(),
    answered,
    ...(failure ? { failureCode: failure.code } : {}),
  };
  ctx.sentMessages.push(sent);
  ctx.statusWebhooks.schedule({
    statusOptions: {
      id: sent.id,
      ...(sent.waId ? { recipientId: sent.waId } : {}),
      ...(sent.recipient ? { recipientUserId: sent.recipient } : {}),
      category: body.type === 'template' ? 'utility' : 'service',
      ...(body.biz_opaque_callback_data ? { bizOpaqueCallbackData: body.biz_opaque_callback_data } : {}),
    },
    number: { phoneNumberId, displayPhoneNumber: ctx.displayPhoneNumber, wabaId: ctx.wabaId },
    sentOnly: body.type === 'reaction',
    ...(failure ? { failure } : {}),
  });
  return sent;
}

/** Keeps the request open without answering, then cuts the socket so callers see a timeout/reset. */
function hold(ctx: SimulatorContext, res: Response, maxMs: number): void {
  sleep(maxMs, undefined, { signal: ctx.lifetime() })
    .catch(() => undefined)
    .finally(() => res.socket?.destroy());
}

/** `POST /:version/:phoneNumberId/messages`: validate like Cloud API, apply faults, answer, notify. */
export function sendRoute(ctx: SimulatorContext): RequestHandler {
  return async (req, res) => {
    ctx.sendRequests.count++;
    if (ctx.faults.latencyMs > 0) {
      const waited = await sleep(ctx.faults.latencyMs, true, { signal: ctx.lifetime() }).catch(() => false);
      if (!waited) return;
    }
    const parsed = parseMessagesRequest(req.body);
    if (parsed.kind === 'invalid') {
      const { status, body } = graphError(100, { details: parsed.details });
      res.status(status).json(body);
      return;
    }
    if (parsed.kind === 'mark-read') {
      ctx.markedRead.push(parsed.body.message_id);
      res.json({ success: true });
      return;
    }
    const refused = mediaSendProblem(ctx, parsed.body);
    if (refused) {
      res.status(refused.status).json(refused.body);
      return;
    }
    const decision = ctx.faults.nextRequest();
    switch (decision.kind) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'hang':
        accept(ctx, req, parsed.body, false);
        hold(ctx, res, decision.maxMs);
        return;
      case 'http-error': {
        const { status, body } = transientServerError(decision.status);
        res.status(status).json(body);
        return;
      }
      case 'meta-error': {
        const { code, ...overrides } = decision;
        const { status, body } = graphError(code, overrides);
        res.status(status).json(body);
        return;
      }
      case 'pass': {
        const sent = accept(ctx, req, parsed.body, true);
        res.json(sendResponse(parsed.body, sent.id));
      }
    }
  };
}
