import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import {
  ApiErrorResponse,
  ChannelDTO,
  ChannelMembersRequest,
  ConversationDTO,
  ConversationEventDTO,
  EscalateRequest,
  LabelsRequest,
  CorrectIntentRequest,
  SnoozeRequest,
  CreateChannelRequest,
  CreateTemplateRequest,
  CreateUserRequest,
  HealthResponse,
  AgentProfileRequest,
  AssignRequest,
  BotDTO,
  CreateBotRequest,
  CreateBotResponse,
  CreateQueueRequest,
  HandoffRequest,
  QueueDTO,
  QueueStateDTO,
  ResumeRequest,
  SetStatusRequest,
  TimelineEntryDTO,
  TransferRequest,
  UpdateQueueRequest,
  IdempotencyKey,
  SendMessageRequest,
  IdParams,
  ListConversationsQuery,
  ListEventsQuery,
  ListMessagesQuery,
  ListTemplatesQuery,
  LoginRequest,
  LoginResponse,
  MessageDTO,
  pageOf,
  ReadinessResponse,
  ReportDTO,
  CsatSettingsDTO,
  UpdateCsatSettingsRequest,
  ReportExportQuery,
  ReportQuery,
  TemplateDTO,
  TemplateVersionDTO,
  UpdateChannelRequest,
  UpdateTemplateRequest,
  UpdateUserRequest,
  UserDTO,
} from '@switchboard/shared';
import { z } from 'zod';
import { teamRouteDocs } from './team.openapi.js';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ApiErrorResponse, description);
const authErrors = { 401: error('missing, invalid or expired token'), 403: error('not allowed for this role') };

export type Route = Omit<RouteConfig, 'responses'> & {
  ok: [number, z.ZodType, string];
  errors?: Record<number, string>;
  /** The success body's media type, when it is not JSON. */
  okType?: string;
};

const routes: Route[] = [
  { method: 'get', path: '/healthz', ok: [200, HealthResponse, 'the process is up'] },
  {
    method: 'get',
    path: '/readyz',
    ok: [200, ReadinessResponse, 'the database answers'],
    errors: { 503: 'the database does not answer' },
  },
  {
    method: 'post',
    path: '/api/auth/login',
    request: { body: { content: { 'application/json': { schema: LoginRequest } } } },
    ok: [200, LoginResponse, 'a session token'],
    errors: {
      400: 'invalid body',
      401: 'wrong email or password',
      429: 'too many failed logins for this account from this address; see Retry-After',
    },
  },
  { method: 'get', path: '/api/me', ok: [200, UserDTO, 'the signed-in user'] },
  { method: 'get', path: '/api/users', ok: [200, z.object({ items: z.array(UserDTO) }), 'all users (admins)'] },
  {
    method: 'post',
    path: '/api/users',
    request: { body: { content: { 'application/json': { schema: CreateUserRequest } } } },
    ok: [201, UserDTO, 'the new user'],
    errors: { 400: 'invalid body', 409: 'email taken' },
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateUserRequest } } } },
    ok: [200, UserDTO, 'the updated user'],
    errors: { 400: 'invalid body', 404: 'no such user', 409: 'an admin removing their own admin access' },
  },
  {
    method: 'get',
    path: '/api/channels',
    ok: [200, z.object({ items: z.array(ChannelDTO) }), 'the channels the caller may see'],
  },
  {
    method: 'post',
    path: '/api/channels',
    request: { body: { content: { 'application/json': { schema: CreateChannelRequest } } } },
    ok: [201, ChannelDTO, 'the new channel'],
    errors: { 400: 'invalid body', 409: 'number registered already' },
  },
  {
    method: 'patch',
    path: '/api/channels/{id}',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateChannelRequest } } } },
    ok: [200, ChannelDTO, 'the updated channel'],
    errors: { 400: 'invalid body', 404: 'no such channel' },
  },
  {
    method: 'put',
    path: '/api/channels/{id}/members',
    request: { params: IdParams, body: { content: { 'application/json': { schema: ChannelMembersRequest } } } },
    ok: [200, ChannelDTO, 'the channel with its new members'],
    errors: { 400: 'invalid body', 404: 'no such channel' },
  },
  {
    method: 'get',
    path: '/api/conversations',
    request: { query: ListConversationsQuery },
    ok: [200, pageOf(ConversationDTO), 'conversations, newest activity first'],
    errors: { 400: 'invalid query' },
  },
  {
    method: 'get',
    path: '/api/conversations/{id}',
    request: { params: IdParams },
    ok: [200, ConversationDTO, 'one conversation'],
    errors: { 400: 'malformed id', 404: 'no such conversation, or not visible to the caller' },
  },
  {
    method: 'get',
    path: '/api/conversations/{id}/messages',
    request: { params: IdParams, query: ListMessagesQuery },
    ok: [200, pageOf(MessageDTO), 'messages, oldest to newest'],
    errors: { 400: 'invalid query', 404: 'no such conversation' },
  },
  {
    method: 'get',
    path: '/api/conversations/{id}/events',
    request: { params: IdParams, query: ListEventsQuery },
    ok: [
      200,
      z.object({ events: z.array(ConversationEventDTO), latestSeq: z.number().int() }),
      'the changes after a sequence number',
    ],
    errors: { 400: 'invalid query', 404: 'no such conversation' },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/messages',
    request: {
      params: IdParams,
      headers: z.object({ 'idempotency-key': IdempotencyKey }),
      body: { content: { 'application/json': { schema: SendMessageRequest } } },
    },
    ok: [201, MessageDTO, 'the stored message (the same one again for a repeated Idempotency-Key)'],
    errors: {
      400: 'invalid body, key or template parameters',
      404: 'no such conversation or template',
      409: 'the key was used for another message',
      422: 'window closed, opted out, or template not approved',
    },
  },
  {
    method: 'get',
    path: '/api/outbox/dead',
    ok: [
      200,
      z.object({
        items: z.array(
          z.object({
            message: MessageDTO,
            failures: z.number(),
            lastFailure: z.string().nullable(),
            deadSince: z.string(),
          }),
        ),
      }),
      'messages whose retries ran out',
    ],
  },
  {
    method: 'post',
    path: '/api/outbox/{id}/replay',
    request: { params: IdParams },
    ok: [200, MessageDTO, 'the message, queued again'],
    errors: { 404: 'no such dead letter', 409: 'not dead-lettered' },
  },
  {
    method: 'get',
    path: '/api/queues',
    ok: [200, z.object({ items: z.array(QueueStateDTO) }), 'every queue with its live state (supervisors)'],
  },
  {
    method: 'post',
    path: '/api/queues',
    request: { body: { content: { 'application/json': { schema: CreateQueueRequest } } } },
    ok: [201, QueueDTO, 'the new queue'],
    errors: { 400: 'invalid body', 409: 'name taken' },
  },
  {
    method: 'patch',
    path: '/api/queues/{id}',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateQueueRequest } } } },
    ok: [200, QueueDTO, 'the updated queue'],
    errors: { 400: 'invalid body', 404: 'no such queue', 409: 'name taken' },
  },
  {
    method: 'put',
    path: '/api/agents/{id}/profile',
    request: { params: IdParams, body: { content: { 'application/json': { schema: AgentProfileRequest } } } },
    ok: [204, z.null(), 'skills and capacity saved'],
    errors: { 400: 'invalid body', 404: 'no such user' },
  },
  {
    method: 'put',
    path: '/api/me/status',
    request: { body: { content: { 'application/json': { schema: SetStatusRequest } } } },
    ok: [204, z.null(), 'status saved'],
    errors: { 400: 'invalid body' },
  },
  {
    method: 'get',
    path: '/api/conversations/{id}/timeline',
    request: { params: IdParams },
    ok: [
      200,
      z.object({ items: z.array(TimelineEntryDTO.extend({ at: z.string(), seq: z.number() })) }),
      'the automation history',
    ],
    errors: { 404: 'no such conversation' },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/claim',
    request: { params: IdParams },
    ok: [200, ConversationDTO, 'claimed'],
    errors: { 403: 'not your queue', 404: 'no such conversation', 409: 'taken, or you are at capacity' },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/assign',
    request: { params: IdParams, body: { content: { 'application/json': { schema: AssignRequest } } } },
    ok: [200, ConversationDTO, 'assigned'],
    errors: { 404: 'no such conversation or user', 409: 'the agent is at capacity' },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/transfer',
    request: { params: IdParams, body: { content: { 'application/json': { schema: TransferRequest } } } },
    ok: [200, ConversationDTO, 'transferred'],
    errors: {
      403: 'not yours to transfer',
      404: 'no such conversation, user or queue',
      409: 'the agent is at capacity',
    },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/give-back',
    request: { params: IdParams },
    ok: [200, ConversationDTO, 'back in its queue'],
    errors: { 403: 'not assigned to you', 404: 'no such conversation' },
  },
  { method: 'get', path: '/api/bots', ok: [200, z.object({ items: z.array(BotDTO) }), 'bot credentials (admins)'] },
  {
    method: 'post',
    path: '/api/bots',
    request: { body: { content: { 'application/json': { schema: CreateBotRequest } } } },
    ok: [201, CreateBotResponse, 'the bot and its API key, shown once'],
    errors: { 400: 'invalid body' },
  },
  {
    method: 'post',
    path: '/api/bot/handoff',
    request: { body: { content: { 'application/json': { schema: HandoffRequest } } } },
    ok: [200, ConversationDTO, 'handed over and routed (bot API key)'],
    errors: { 400: 'invalid body', 404: 'no such conversation, customer or number' },
  },
  {
    method: 'post',
    path: '/api/bot/resume',
    request: { body: { content: { 'application/json': { schema: ResumeRequest } } } },
    ok: [200, ConversationDTO, 'back with the bot (bot API key)'],
    errors: { 400: 'invalid body', 404: 'no such conversation' },
  },
  {
    method: 'put',
    path: '/api/conversations/{id}/labels',
    request: { params: IdParams, body: { content: { 'application/json': { schema: LabelsRequest } } } },
    ok: [200, ConversationDTO, 'the conversation with its labels (unique, sorted)'],
    errors: {
      400: 'malformed id, or invalid body: an empty, too long or malformed label',
      404: 'no such conversation, or not visible to the caller',
    },
  },
  {
    method: 'put',
    path: '/api/conversations/{id}/intent',
    request: { params: IdParams, body: { content: { 'application/json': { schema: CorrectIntentRequest } } } },
    ok: [200, ConversationDTO, 'the conversation with the corrected intent, re-routed when another queue takes it'],
    errors: {
      400: 'malformed id, or an intent that is not one of the labels',
      404: 'no such conversation, or not visible to the caller',
    },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/snooze',
    request: { params: IdParams, body: { content: { 'application/json': { schema: SnoozeRequest } } } },
    ok: [200, ConversationDTO, 'snoozed until the time, or until the customer writes'],
    errors: {
      400: 'malformed id, or invalid body: `until` must be in the future, at most 30 days away',
      404: 'no such conversation',
      409: 'the conversation is resolved',
    },
  },
  {
    method: 'delete',
    path: '/api/conversations/{id}/snooze',
    request: { params: IdParams },
    ok: [200, ConversationDTO, 'awake (unchanged if it was not snoozed)'],
    errors: { 400: 'malformed id', 404: 'no such conversation' },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/reopen',
    request: { params: IdParams },
    ok: [200, ConversationDTO, 'open again: kept by the agent who reopened it if they have capacity, routed otherwise'],
    errors: {
      400: 'malformed id',
      404: 'no such conversation',
      409: 'open already, or the customer has a newer open conversation (named in the message)',
    },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/escalate',
    request: { params: IdParams, body: { content: { 'application/json': { schema: EscalateRequest } } } },
    ok: [200, ConversationDTO, 'escalated to supervisors, now urgent'],
    errors: {
      400: 'malformed id, or invalid body: a reason is required',
      404: 'no such conversation',
      409: 'the conversation is resolved',
    },
  },
  {
    method: 'get',
    path: '/api/contacts/{id}/conversations',
    request: { params: IdParams },
    ok: [
      200,
      z.object({ items: z.array(ConversationDTO).max(50) }),
      "the contact's conversations the caller may see, newest first (at most 50)",
    ],
    errors: { 400: 'malformed id', 404: 'no such contact' },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/resolve',
    request: { params: IdParams },
    ok: [200, ConversationDTO, 'the resolved conversation'],
    errors: { 404: 'no such conversation', 409: 'resolved already' },
  },
  {
    method: 'get',
    path: '/api/templates',
    request: { query: ListTemplatesQuery },
    ok: [200, z.object({ items: z.array(TemplateDTO) }), 'the template catalogue, by name and language'],
    errors: { 400: 'invalid query' },
  },
  {
    method: 'get',
    path: '/api/templates/{id}',
    request: { params: IdParams },
    ok: [200, TemplateDTO, 'one template'],
    errors: { 400: 'malformed id', 404: 'no such template' },
  },
  {
    method: 'get',
    path: '/api/templates/{id}/history',
    request: { params: IdParams },
    ok: [200, z.object({ items: z.array(TemplateVersionDTO) }), 'every version, oldest first'],
    errors: { 400: 'malformed id', 404: 'no such template' },
  },
  {
    method: 'post',
    path: '/api/templates',
    request: { body: { content: { 'application/json': { schema: CreateTemplateRequest } } } },
    ok: [201, TemplateDTO, 'the new template (version 1)'],
    errors: {
      400: 'invalid body, or placeholders that do not match the parameters',
      409: 'a template with this name and language exists',
    },
  },
  {
    method: 'patch',
    path: '/api/templates/{id}',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateTemplateRequest } } } },
    ok: [200, TemplateDTO, 'the template as a new version'],
    errors: {
      400: 'invalid body, or the change would make the template invalid',
      404: 'no such template',
      409: 'the template changed since the given version',
    },
  },
  {
    method: 'get',
    path: '/api/channels/{id}/csat',
    request: { params: IdParams },
    ok: [200, CsatSettingsDTO, "the channel's satisfaction survey (supervisors and admins)"],
    errors: { 404: 'no such channel' },
  },
  {
    method: 'put',
    path: '/api/channels/{id}/csat',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateCsatSettingsRequest } } } },
    ok: [200, CsatSettingsDTO, 'the survey as changed (admins)'],
    errors: { 400: 'invalid body', 404: 'no such channel' },
  },
  {
    method: 'get',
    path: '/api/reports',
    request: { query: ReportQuery },
    ok: [200, ReportDTO, 'every figure for the days and filters (supervisors and admins; durations in seconds)'],
    errors: { 400: 'invalid query' },
  },
  {
    method: 'get',
    path: '/api/reports/export',
    request: { query: ReportExportQuery },
    ok: [200, z.string(), 'one table of the report as CSV, with a header row'],
    okType: 'text/csv',
    errors: { 400: 'invalid query' },
  },
];

/** The REST API described from the same zod schemas that validate it. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const { ok, errors = {}, okType, ...route } of [...routes, ...teamRouteDocs]) {
    const isPublic = !route.path.startsWith('/api') || route.path === '/api/auth/login';
    registry.registerPath({
      ...route,
      // Every body this API takes is required: a request without one is refused.
      ...(route.request?.body
        ? { request: { ...route.request, body: { required: true, ...route.request.body } } }
        : {}),
      ...(isPublic ? {} : { security: [{ bearerAuth: [] }] }),
      responses: {
        // A 204 has no body, so it has no content type either.
        [ok[0]]:
          ok[0] === 204
            ? { description: ok[2] }
            : okType
              ? { description: ok[2], content: { [okType]: { schema: ok[1] } } }
              : json(ok[1], ok[2]),
        ...Object.fromEntries(Object.entries(errors).map(([status, description]) => [status, error(description)])),
        ...(isPublic ? {} : authErrors),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Switchboard API', version: '0.1.0', description: 'The agent inbox for WhatsApp support.' },
  });
}
