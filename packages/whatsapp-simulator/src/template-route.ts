import type { Request, RequestHandler, Response } from 'express';
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { graphError, transientServerError } from './meta-errors.js';
import type { SimulatorContext } from './simulator-context.js';
import { templateCreateRequestSchema, templateEditRequestSchema } from './template-request.schema.js';

/** Meta's template ids are 16 decimal digits; these start with 1 so they stay exact as JSON numbers (< 2^53). */
const templateId = () => `1${Array.from({ length: 15 }, () => randomInt(0, 10)).join('')}`;

const refuse = (res: Response, answer: { status: number; body: object }) => {
  res.status(answer.status).json(answer.body);
};

const unknownObject = (id: string) =>
  graphError(100, {
    details: `Unsupported post request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    subcode: 33,
  });

function create(ctx: SimulatorContext, req: Request, res: Response): void {
  const wabaId = String(req.params.wabaId);
  if (wabaId !== ctx.wabaId) return refuse(res, unknownObject(wabaId));
  const parsed = templateCreateRequestSchema.safeParse(req.body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    return refuse(res, graphError(100, { details }));
  }
  const { name, language, category } = parsed.data;
  if (ctx.templates.some((t) => t.name === name && t.language === language)) {
    const details = `Content in this language already exists: ${name} (${language}).`;
    return refuse(res, graphError(100, { details, subcode: 2388024 }));
  }
  const id = templateId();
  ctx.templates.push({
    id,
    wabaId,
    name,
    language,
    category,
    request: parsed.data,
    status: 'PENDING',
    submittedAt: new Date().toISOString(),
  });
  res.json({ id, status: 'PENDING', category });
}

function edit(ctx: SimulatorContext, req: Request, res: Response): void {
  const template = ctx.templates.find((t) => t.id === String(req.params.templateId));
  if (!template) return refuse(res, unknownObject(String(req.params.templateId)));
  const parsed = templateEditRequestSchema.safeParse(req.body);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
    return refuse(res, graphError(100, { details }));
  }
  template.request = { ...template.request, ...parsed.data };
  template.status = 'PENDING';
  template.submittedAt = new Date().toISOString();
  res.json({ success: true });
}

/** Answers with the template faults applied first, as Meta's endpoints fail. */
function withFaults(ctx: SimulatorContext, handle: (req: Request, res: Response) => void): RequestHandler {
  return async (req, res) => {
    if (ctx.templateFaults.latencyMs > 0) {
      const waited = await sleep(ctx.templateFaults.latencyMs, true, { signal: ctx.lifetime() }).catch(() => false);
      if (!waited) return;
    }
    const decision = ctx.templateFaults.nextRequest();
    switch (decision.kind) {
      case 'drop':
      case 'hang':
        req.socket.destroy();
        return;
      case 'http-error':
        return refuse(res, transientServerError(decision.status));
      case 'meta-error': {
        const { code, ...overrides } = decision;
        return refuse(res, graphError(code, overrides));
      }
      case 'pass':
        handle(req, res);
    }
  };
}

/**
 * `POST /:version/:wabaId/message_templates`: validate like Meta, apply the template faults, answer PENDING with
 * Meta's id. The review itself comes later, when a test or a person approves or rejects it (control routes).
 */
export const templateRoute = (ctx: SimulatorContext) => withFaults(ctx, (req, res) => create(ctx, req, res));

/** `POST /:version/:templateId`: a new version of a submitted template's content, to be reviewed again. */
export const templateEditRoute = (ctx: SimulatorContext) => withFaults(ctx, (req, res) => edit(ctx, req, res));
