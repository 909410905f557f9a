import {
  ListMentionsQuery,
  MentionableUserDTO,
  MentionListDTO,
  ReadMentionsRequest,
  CannedReplyDTO,
  ContactChangeDTO,
  ContactDTO,
  MergeContactsRequest,
  SearchContactsQuery,
  UpdateContactRequest,
  CreateCannedReplyRequest,
  IdParams,
  ListCannedRepliesQuery,
  RenderCannedReplyRequest,
  RenderedCannedReply,
  UpdateCannedReplyRequest,
} from '@switchboard/shared';
import { z } from 'zod';
import type { Route } from './openapi.js';

const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The routes of working together (canned replies, contact profiles, mentions), for the OpenAPI document. */
export const teamRouteDocs: Route[] = [
  {
    method: 'get',
    path: '/api/canned-replies',
    request: { query: ListCannedRepliesQuery },
    ok: [200, z.object({ items: z.array(CannedReplyDTO) }), 'the shared canned replies and the caller’s own'],
    errors: { 400: 'invalid query' },
  },
  {
    method: 'post',
    path: '/api/canned-replies',
    request: { body: body(CreateCannedReplyRequest) },
    ok: [201, CannedReplyDTO, 'the new canned reply'],
    errors: {
      400: 'invalid body (an unknown variable is named)',
      409: 'the shortcut exists in this language in the same list',
    },
  },
  {
    method: 'patch',
    path: '/api/canned-replies/{id}',
    request: { params: IdParams, body: body(UpdateCannedReplyRequest) },
    ok: [200, CannedReplyDTO, 'the canned reply as changed'],
    errors: { 400: 'invalid body', 404: 'no such canned reply for the caller', 409: 'the shortcut is taken' },
  },
  {
    method: 'delete',
    path: '/api/canned-replies/{id}',
    request: { params: IdParams },
    ok: [204, z.null(), 'deleted'],
    errors: { 400: 'malformed id', 404: 'no such canned reply for the caller' },
  },
  {
    method: 'post',
    path: '/api/canned-replies/{id}/render',
    request: { params: IdParams, body: body(RenderCannedReplyRequest) },
    ok: [200, RenderedCannedReply, 'the text filled in for the conversation, and the variables that had no value'],
    errors: { 400: 'malformed id or body', 404: 'no such canned reply or conversation for the caller' },
  },
  {
    method: 'get',
    path: '/api/contacts',
    request: { query: SearchContactsQuery },
    ok: [
      200,
      z.object({ items: z.array(ContactDTO) }),
      'contacts the caller may see whose name, email or number holds q',
    ],
    errors: { 400: 'invalid query' },
  },
  {
    method: 'get',
    path: '/api/contacts/{id}',
    request: { params: IdParams },
    ok: [200, ContactDTO, 'the contact’s profile (a merged contact answers with the one it became)'],
    errors: { 400: 'malformed id', 404: 'no such contact for the caller' },
  },
  {
    method: 'patch',
    path: '/api/contacts/{id}',
    request: { params: IdParams, body: body(UpdateContactRequest) },
    ok: [200, ContactDTO, 'the profile as changed; the change is recorded with who and when'],
    errors: { 400: 'invalid body', 404: 'no such contact for the caller', 409: 'it kept changing; try again' },
  },
  {
    method: 'get',
    path: '/api/contacts/{id}/changes',
    request: { params: IdParams },
    ok: [200, z.object({ items: z.array(ContactChangeDTO) }), 'every recorded change, newest first'],
    errors: { 400: 'malformed id', 404: 'no such contact for the caller' },
  },
  {
    method: 'post',
    path: '/api/contacts/{id}/merge',
    request: { params: IdParams, body: body(MergeContactsRequest) },
    ok: [200, ContactDTO, 'the contact with the other merged into it (irreversible)'],
    errors: {
      400: 'malformed id, or a contact merged into itself',
      403: 'the caller is an agent: merging is for supervisors and admins',
      404: 'either contact is unknown',
      409: 'both have an open conversation on one number, or the other was merged elsewhere',
    },
  },
  {
    method: 'get',
    path: '/api/mentions',
    request: { query: ListMentionsQuery },
    ok: [200, MentionListDTO, 'the caller’s mentions, newest first, and how many are unread'],
    errors: { 400: 'invalid query' },
  },
  {
    method: 'post',
    path: '/api/mentions/read',
    request: { body: body(ReadMentionsRequest) },
    ok: [200, z.object({ unreadCount: z.number().int() }), 'marked read; how many are unread now'],
    errors: { 400: 'invalid body: give conversationId or ids' },
  },
  {
    method: 'get',
    path: '/api/conversations/{id}/mentionable',
    request: { params: IdParams },
    ok: [200, z.object({ items: z.array(MentionableUserDTO) }), 'the active users who can see the conversation'],
    errors: { 400: 'malformed id', 404: 'no such conversation for the caller' },
  },
];
