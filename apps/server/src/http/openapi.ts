import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import {
  ApiErrorResponse,
  AuditEntryDTO,
  AuditFilter,
  ListAuditQuery,
  PolicyPreviewDTO,
  PolicyPreviewRequest,
  PriorityRulesDTO,
  QueueMembersRequest,
  SavePriorityRulesRequest,
  SaveSlaPoliciesRequest,
  SlaPoliciesDTO,
  TeamMemberDTO,
  ChannelDTO,
  ChannelMembersRequest,
  ChannelSendHealthDTO,
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
  InboundDeadLetterDTO,
  InboundReplayAllResult,
  InboundReplayResult,
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
  TransferTargetsDTO,
  UpdateQueueRequest,
  IdempotencyKey,
  MarkReadResult,
  MEDIA_RULES,
  SearchQuery,
  SearchResult,
  SendMessageRequest,
  UploadDTO,
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
  UpdateBotRequest,
  UpdateChannelRequest,
  whatsapp,
  UpdateTemplateRequest,
  UpdateMeRequest,
  UpdateUserRequest,
  UserDTO,
} from '@switchboard/shared';
import { z } from 'zod';
import { teamRouteDocs } from './team.openapi.js';

const content = (schema: z.ZodType, description: string, mediaType: string) => ({
  description,
  content: { [mediaType]: { schema } },
});
const json = (schema: z.ZodType, description: string) => content(schema, description, 'application/json');
const error = (description: string) => json(ApiErrorResponse, description);
const authErrors = { 401: error('missing, invalid or expired token'), 403: error('not allowed for this role') };

export type Route = Omit<RouteConfig, 'responses'> & {
  ok: [number, z.ZodType, string];
  errors?: Record<number, string>;
  /** The success body's media type, when it is not JSON. */
  okType?: string;
  /** Errors answered in plain text rather than the API's JSON error body. */
  plainErrors?: Record<number, string>;
};

const text = z.string();

const routes: Route[] = [
  { method: 'get', path: '/healthz', ok: [200, HealthResponse, 'the process is up'] },
  { method: 'get', path: '/api/openapi.json', ok: [200, z.record(z.string(), z.unknown()), 'this document'] },
  {
    method: 'get',
    path: '/metrics',
    ok: [200, text, "Prometheus' text format"],
    okType: 'text/plain',
    errors: {
      401: 'METRICS_TOKEN is set and the request lacks `Authorization: Bearer <METRICS_TOKEN>`',
      403: 'without METRICS_TOKEN, served to loopback only',
    },
  },
  {
    method: 'get',
    path: '/webhooks/whatsapp',
    request: {
      query: z.object({
        'hub.mode': z.string().optional(),
        'hub.verify_token': z.string().optional(),
        'hub.challenge': z.string().optional(),
      }),
    },
    ok: [200, text, 'the challenge, echoed: Meta subscribed this webhook'],
    okType: 'text/plain',
    plainErrors: { 403: 'hub.mode is not subscribe or the verify token does not match' },
  },
  {
    method: 'post',
    path: '/webhooks/whatsapp',
    request: {
      headers: z.object({ 'x-hub-signature-256': z.string().optional() }),
      body: { content: { 'application/json': { schema: whatsapp.WebhookEnvelope } } },
    },
    ok: [200, z.object({ stored: z.string() }), 'stored before this answer; processed in the background'],
    errors: {
      400: 'not JSON, or not a WhatsApp Business Account webhook',
      401: 'X-Hub-Signature-256 is missing or does not match the body (signed with the app secret)',
      413: 'larger than WEBHOOK_MAX_BODY',
      503: 'could not be stored; Meta delivers it again',
    },
  },
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
  {
    method: 'patch',
    path: '/api/me',
    request: { body: { content: { 'application/json': { schema: UpdateMeRequest } } } },
    ok: [200, UserDTO, 'the signed-in user with their preferences saved'],
    errors: { 400: 'invalid body (locale: one of en, es, pt)' },
  },
  {
    method: 'get',
    path: '/api/users',
    ok: [200, z.object({ items: z.array(TeamMemberDTO) }), 'the team with routing profiles (admins, supervisors)'],
  },
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
    ok: [200, TeamMemberDTO, 'the updated user with their routing profile'],
    errors: {
      400: 'invalid body',
      403: 'not an admin (supervisors read the team, never change accounts)',
      404: 'no such user',
      409: 'demoting or deactivating the last active admin (the issues name role or active)',
    },
  },
  {
    method: 'get',
    path: '/api/channels',
    ok: [200, z.object({ items: z.array(ChannelDTO) }), 'the channels the caller may see'],
  },
  {
    method: 'get',
    path: '/api/channels/send-health',
    ok: [
      200,
      z.object({ items: z.array(ChannelSendHealthDTO) }),
      'whether each number can send: down since when and when the next try goes, as its outbound breaker says',
    ],
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
    ok: [200, ChannelDTO, 'the updated channel (renamed, token replaced, ...); the change is in the audit log'],
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
      400: 'invalid body or key; or TEMPLATE_PARAMETERS_INVALID, with an issue per parameter at fault (path parameters.<name>, a reason: missing, blank, too_long, whitespace, wrong_type, unknown, shape)',
      404: 'no such conversation or template',
      409: 'the key was used for another message',
      422: 'window closed, opted out, or template not approved',
    },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/uploads',
    description:
      "The body is the file itself, its type as Content-Type and its name URI-encoded in X-Filename; checked against WhatsApp's limits per kind, then uploaded to the media endpoint. Send it with a `media` message naming the upload's id.",
    request: {
      params: IdParams,
      headers: z.object({ 'idempotency-key': IdempotencyKey, 'x-filename': z.string().max(600).optional() }),
      body: {
        content: Object.fromEntries(
          Object.values(MEDIA_RULES)
            .flatMap((rule) => rule.mimeTypes)
            .map((type) => [type, { schema: z.string().meta({ format: 'binary' }) }]),
        ),
      },
    },
    ok: [201, UploadDTO, 'the upload (200 with the same one for a repeated Idempotency-Key)'],
    errors: {
      400: 'a type WhatsApp does not take, an empty file, or a bad header',
      404: 'no such conversation',
      409: 'the key was used for another conversation',
      413: "the file is over WhatsApp's limit for its kind",
      503: 'WhatsApp did not take the file now; try again',
    },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/read',
    description:
      "The agent opened the conversation: the customer's newest message is marked read on WhatsApp, unless the number's markReadOnOpen is off.",
    request: { params: IdParams },
    ok: [200, MarkReadResult, 'what was sent'],
    errors: { 404: 'no such conversation' },
  },
  {
    method: 'get',
    path: '/api/search',
    description:
      'Every message, contact (name, number, email) and label the caller may see: contact and label hits first (first page only), then messages newest first, each with its matching snippet.',
    request: { query: SearchQuery },
    ok: [200, SearchResult, 'hits, and the cursor of the next page of messages'],
    errors: { 400: 'invalid query' },
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
    path: '/api/intake/dead',
    description:
      'Webhooks acknowledged but not applied in full (supervisors and admins): retries ran out (failed) or the schemas refused items (refused), each with its reason and the schema paths at fault, oldest first.',
    ok: [200, z.object({ items: z.array(InboundDeadLetterDTO) }), 'the dead-lettered webhooks'],
  },
  {
    method: 'post',
    path: '/api/intake/{id}/replay',
    description:
      'Applies a dead-lettered webhook again through normal processing: what was stored before is not stored twice. Applied in full, it leaves the list; failing again, it stays listed with the new reason.',
    request: { params: IdParams },
    ok: [200, InboundReplayResult, 'replayed, or failed again with the new reason'],
    errors: { 404: 'no such dead letter', 409: 'being replayed already' },
  },
  {
    method: 'post',
    path: '/api/intake/dead/replay',
    description: 'Replays every dead-lettered webhook, oldest first, one at a time.',
    ok: [200, InboundReplayAllResult, 'how many went through, how many failed again, and what is still listed'],
  },
  {
    method: 'get',
    path: '/api/queues',
    ok: [200, z.object({ items: z.array(QueueStateDTO) }), 'every queue with its live state (supervisors)'],
  },
  {
    method: 'get',
    path: '/api/transfer-targets',
    ok: [200, TransferTargetsDTO, "every queue by name, and each teammate's presence and load (anyone signed in)"],
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
    ok: [204, z.null(), 'queues, capacity and working hours saved; the change is in the audit log'],
    errors: {
      400: 'invalid body',
      403: 'an agent, or a supervisor changing an admin (only admins change an admin’s routing)',
      404: 'no such user',
    },
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
    errors: {
      403: 'not a supervisor or admin',
      404: 'no such conversation or user',
      409: 'the agent is at capacity (OVER_CAPACITY names their load: send overCapacity: true to confirm)',
    },
  },
  {
    method: 'post',
    path: '/api/conversations/{id}/transfer',
    request: { params: IdParams, body: { content: { 'application/json': { schema: TransferRequest } } } },
    ok: [200, ConversationDTO, 'transferred'],
    errors: {
      403: "a colleague's conversation, or an agent asking to go over capacity",
      404: 'no such conversation, user or queue',
      409: 'the agent is at capacity (OVER_CAPACITY names their load; supervisors confirm with overCapacity: true)',
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
    method: 'patch',
    path: '/api/bots/{id}',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateBotRequest } } } },
    ok: [200, BotDTO, 'the bot, its key turned off or on (admins)'],
    errors: { 400: 'invalid body', 404: 'no such bot' },
  },
  {
    method: 'get',
    path: '/api/messages/{id}/media',
    request: { params: IdParams },
    ok: [200, text, "the message's image, audio, video, document or sticker, as WhatsApp serves it"],
    okType: '*/*',
    errors: {
      404: 'no such message visible to you, or it has no media',
      503: 'WhatsApp did not hand over the media; try again later',
    },
  },
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
    ok: [
      201,
      TemplateDTO,
      'the new template (version 1); when a number has a WABA id it was submitted to WhatsApp’s review, and `review` says how that went',
    ],
    errors: {
      400: 'invalid body, placeholders that do not match the parameters, or a status while WhatsApp’s review sets it',
      409: 'a template with this name and language exists',
    },
  },
  {
    method: 'patch',
    path: '/api/templates/{id}',
    request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateTemplateRequest } } } },
    ok: [200, TemplateDTO, 'the template as a new version; new content under WhatsApp’s review is submitted again'],
    errors: {
      400: 'invalid body, the change would make the template invalid, or a status while WhatsApp’s review sets it',
      404: 'no such template',
      409: 'the template changed since the given version',
    },
  },
  {
    method: 'post',
    path: '/api/templates/{id}/submit',
    request: { params: IdParams },
    ok: [
      200,
      TemplateDTO,
      'the template submitted again to WhatsApp’s review; `review.failure` says if it failed again',
    ],
    errors: {
      404: 'no such template',
      409: 'no number has a WABA id, or the template is not pending',
    },
  },
  {
    method: 'post',
    path: '/api/users/{id}/password-reset',
    request: { params: IdParams },
    ok: [200, z.object({ temporaryPassword: z.string() }), "a temporary password, shown once; the user's sessions end"],
    errors: { 404: 'no such user' },
  },
  {
    method: 'put',
    path: '/api/queues/{id}/members',
    request: { params: IdParams, body: { content: { 'application/json': { schema: QueueMembersRequest } } } },
    ok: [200, z.object({ memberIds: z.array(z.string()) }), 'who is skilled in the queue now'],
    errors: {
      400: 'invalid body',
      403: 'an agent, or a supervisor adding or removing an admin',
      404: 'no such queue',
    },
  },
  {
    method: 'post',
    path: '/api/bots/{id}/rotate',
    request: { params: IdParams },
    ok: [200, CreateBotResponse, 'a new API key, shown once; the old one stops working'],
    errors: { 404: 'no such bot' },
  },
  {
    method: 'get',
    path: '/api/settings/priority-rules',
    ok: [200, PriorityRulesDTO, 'the priority rules in use, with their version (admins, supervisors)'],
  },
  {
    method: 'put',
    path: '/api/settings/priority-rules',
    request: { body: { content: { 'application/json': { schema: SavePriorityRulesRequest } } } },
    ok: [200, PriorityRulesDTO, 'saved; every process uses them within SETTINGS_REFRESH_MS'],
    errors: { 400: 'invalid rules, naming the field', 409: 'someone saved a newer version' },
  },
  {
    method: 'get',
    path: '/api/settings/sla-policies',
    ok: [200, SlaPoliciesDTO, 'the SLA policies in use, with their version (admins, supervisors)'],
  },
  {
    method: 'put',
    path: '/api/settings/sla-policies',
    request: { body: { content: { 'application/json': { schema: SaveSlaPoliciesRequest } } } },
    ok: [200, SlaPoliciesDTO, 'saved; every process uses them within SETTINGS_REFRESH_MS'],
    errors: { 400: 'invalid policies, naming the field', 409: 'someone saved a newer version' },
  },
  {
    method: 'post',
    path: '/api/settings/policy-preview',
    request: { body: { content: { 'application/json': { schema: PolicyPreviewRequest } } } },
    ok: [200, PolicyPreviewDTO, 'what a sample conversation would get, under the saved or the given draft rules'],
    errors: { 400: 'invalid sample or draft, naming the field' },
  },
  {
    method: 'get',
    path: '/api/audit',
    request: { query: ListAuditQuery },
    ok: [200, pageOf(AuditEntryDTO), 'settings changes, newest first (admins)'],
    errors: { 400: 'invalid query' },
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
    path: '/api/audit/export',
    request: { query: AuditFilter },
    ok: [200, z.string(), 'the matching entries as CSV (admins)'],
    okType: 'text/csv',
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
  for (const { ok, errors = {}, okType, plainErrors = {}, ...route } of [...routes, ...teamRouteDocs]) {
    const isPublic = !route.path.startsWith('/api') || route.path === '/api/auth/login';
    registry.registerPath({
      ...route,
      // Every body this API takes is required: a request without one is refused.
      ...(route.request?.body
        ? { request: { ...route.request, body: { required: true, ...route.request.body } } }
        : {}),
      ...(isPublic ? {} : { security: [{ bearerAuth: [] }] }),
      responses: {
        // First, so a route's own 401/403 (what exactly it refuses) replaces the generic one.
        ...(isPublic ? {} : authErrors),
        // A 204 has no body, so it has no content type either.
        [ok[0]]: ok[0] === 204 ? { description: ok[2] } : content(ok[1], ok[2], okType ?? 'application/json'),
        ...Object.fromEntries(Object.entries(errors).map(([status, description]) => [status, error(description)])),
        ...Object.fromEntries(
          Object.entries(plainErrors).map(([status, description]) => [
            status,
            content(text, description, 'text/plain'),
          ]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Switchboard API', version: '0.1.0', description: 'The agent inbox for WhatsApp support.' },
  });
}
