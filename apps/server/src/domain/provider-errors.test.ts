import { describe, it, expect } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphError, META_ERROR_CODES, type MetaErrorCode } from '@switchboard/whatsapp-simulator';
import { REFUSED_PROVIDER_CODES } from '@switchboard/shared';
import {
  breakerOpenFailure,
  classifyGraphError,
  classifyMediaError,
  classifyNetworkError,
  explainedRefusalCodes,
} from './provider-errors.js';

/** Every code the simulator can produce, with the kind and breaker effect the outbox must see. */
const EXPECTED: Record<MetaErrorCode, { kind: 'retryable' | 'permanent'; outage: boolean }> = {
  100: { kind: 'permanent', outage: false },
  190: { kind: 'permanent', outage: false },
  368: { kind: 'permanent', outage: false },
  470: { kind: 'permanent', outage: false },
  130429: { kind: 'retryable', outage: false },
  131000: { kind: 'retryable', outage: true },
  131016: { kind: 'retryable', outage: true },
  131026: { kind: 'permanent', outage: false },
  131047: { kind: 'permanent', outage: false },
  131050: { kind: 'permanent', outage: false },
  131051: { kind: 'permanent', outage: false },
  131053: { kind: 'permanent', outage: false },
  131056: { kind: 'retryable', outage: false },
  132000: { kind: 'permanent', outage: false },
  132001: { kind: 'permanent', outage: false },
};

describe('classifyGraphError', () => {
  it('explains in words the desktop has in every language exactly the refusals the shared list names', () => {
    expect(explainedRefusalCodes().sort()).toEqual([...REFUSED_PROVIDER_CODES].sort());
  });

  it.each(META_ERROR_CODES)(
    'classifies Meta code %i with its HTTP status, title and an agent-facing reason',
    (code) => {
      const { status, body } = graphError(code);
      const failure = classifyGraphError(status, body);
      expect(failure).toMatchObject({ ...EXPECTED[code], code, httpStatus: status, retryAfterMs: null });
      expect(failure.title).not.toMatch(/^\(#/);
      expect(failure.reason).toMatch(/^[A-Z].{20,}\.$/);
      expect(failure.details).toBe(body.error.error_data?.details);
    },
  );

  it('tells the agent what to do about a closed 24-hour window', () => {
    const { status, body } = graphError(131047);
    expect(classifyGraphError(status, body)).toMatchObject({
      kind: 'permanent',
      title: 'Re-engagement message',
      reason:
        'The customer has not written in the last 24 hours. Send an approved template to reopen the conversation.',
    });
  });

  it('retries Graph transient codes 1 and 2 and any unknown code flagged is_transient', () => {
    expect(classifyGraphError(500, { error: { code: 1, message: 'An unknown error has occurred.' } })).toMatchObject({
      kind: 'retryable',
      outage: true,
    });
    expect(classifyGraphError(503, { error: { code: 2 } })).toMatchObject({ kind: 'retryable', outage: true });
    expect(classifyGraphError(400, { error: { code: 987654, is_transient: true } })).toMatchObject({
      kind: 'retryable',
      code: 987654,
    });
  });

  it('fails an unknown code with a 4xx at once, and retries one with a 5xx', () => {
    expect(classifyGraphError(400, { error: { code: 987654, message: '(#987654) Something new' } })).toMatchObject({
      kind: 'permanent',
      code: 987654,
      title: 'Something new',
    });
    expect(classifyGraphError(502, { error: { code: 987654 } })).toMatchObject({ kind: 'retryable', outage: true });
  });

  it('falls back to the HTTP status when the body is not a Graph error (a proxy page, nothing)', () => {
    expect(classifyGraphError(502, '<html>Bad Gateway</html>')).toMatchObject({
      kind: 'retryable',
      code: null,
      outage: true,
    });
    expect(classifyGraphError(429, undefined, 7000)).toMatchObject({
      kind: 'retryable',
      outage: false,
      retryAfterMs: 7000,
    });
    expect(classifyGraphError(404, undefined)).toMatchObject({ kind: 'permanent', code: null, httpStatus: 404 });
  });
});

describe('classifyNetworkError', () => {
  const closedPort = async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return `http://127.0.0.1:${port}/`;
  };

  it('retries a refused connection for a send: nothing left this machine', async () => {
    const error = await fetch(await closedPort()).catch((e: unknown) => e);
    expect(classifyNetworkError(error, 'send')).toMatchObject({
      kind: 'retryable',
      outage: true,
      code: null,
      httpStatus: null,
    });
  });

  it('retries a failed DNS lookup (fetch wraps it in cause)', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND graph.example'), { code: 'ENOTFOUND' }),
    });
    expect(classifyNetworkError(error, 'send')).toMatchObject({
      kind: 'retryable',
      details: expect.stringContaining('ENOTFOUND'),
    });
  });

  it('makes a timeout or a cut connection on a send an unknown outcome, and on a read a retry', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(classifyNetworkError(timeout, 'send')).toMatchObject({
      kind: 'outcomeUnknown',
      outage: true,
      title: 'No answer from WhatsApp',
    });
    expect(classifyNetworkError(reset, 'send')).toMatchObject({ kind: 'outcomeUnknown', outage: true });
    expect(classifyNetworkError(timeout, 'read')).toMatchObject({ kind: 'retryable' });
    expect(classifyNetworkError(reset, 'read')).toMatchObject({ kind: 'retryable' });
  });
});

describe('classifyMediaError', () => {
  it("treats Graph's unknown-object answer (400, code 100, subcode 33) and a 404 as media not found", () => {
    const { status, body } = graphError(100, { subcode: 33 });
    expect(classifyMediaError(status, body, null)).toMatchObject({
      problem: 'not-found',
      failure: { kind: 'permanent', code: 100 },
    });
    expect(classifyMediaError(404, undefined, null).problem).toBe('not-found');
  });

  it('names a rejected token and leaves other failures to their kind', () => {
    const { status, body } = graphError(190);
    expect(classifyMediaError(status, body, null)).toMatchObject({
      problem: 'unauthorized',
      failure: { kind: 'permanent', code: 190 },
    });
    expect(classifyMediaError(503, undefined, null)).toMatchObject({
      problem: 'unavailable',
      failure: { kind: 'retryable', reason: expect.stringContaining('this media') },
    });
  });
});

it('breakerOpenFailure is retryable and says when the next probe may go', () => {
  expect(breakerOpenFailure(1200)).toMatchObject({
    kind: 'retryable',
    retryAfterMs: 1200,
    reason: 'WhatsApp is not answering; replies wait and go out when it recovers.',
  });
});
