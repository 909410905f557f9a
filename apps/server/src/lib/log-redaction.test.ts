import { describe, expect, it } from 'vitest';
import { withCorrelation } from './correlation.js';
import { createLogger } from './logger.js';
import { maskPhone } from './log-redaction.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', {
    write: (chunk: string) => void lines.push(JSON.parse(chunk) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('log redaction', () => {
  it('masks phone numbers to country code and last four digits', () => {
    expect(maskPhone('34612345678')).toBe('34*****5678');
    expect(maskPhone('+5511912345678')).toBe('+55*******5678');
  });

  it('masks numbers and replaces texts by their length, in fields, nested fields and error messages', () => {
    const { logger, lines } = capture();
    const error = Object.assign(new Error('no contact for 34612345678'), { keyValue: { waId: '34612345678' } });
    logger.warn(
      {
        from: '34612345678',
        message: { content: { type: 'text', body: 'hola, soy Ana' } },
        err: error,
        itemErrors: [{ path: 'x', message: 'bad number 5511912345678' }],
        conversationId: '65a1b2c3d4e5f60718293a4b',
      },
      'something about a customer',
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/34612345678|5511912345678|hola, soy Ana/);
    expect(lines[0]).toMatchObject({
      from: '34*****5678',
      message: { content: { type: 'text', body: '[13 chars]' } },
      err: { message: 'no contact for 34*****5678', keyValue: { waId: '34*****5678' } },
      itemErrors: [{ path: 'x', message: 'bad number 55*******5678' }],
      conversationId: '65a1b2c3d4e5f60718293a4b',
    });
  });

  it('masks what a value writes as JSON (documents, ids), and leaves the logged objects as they were', () => {
    const { logger, lines } = capture();
    const contact = { waId: '34612345678', name: 'Ana' };
    const document = { toJSON: () => ({ contact: { waId: '34612345678' } }) };
    logger.info({ contact, document, customers: [contact] }, 'contacts');
    expect(lines[0]).toMatchObject({
      contact: { waId: '34*****5678', name: 'Ana' },
      document: { contact: { waId: '34*****5678' } },
      customers: [{ waId: '34*****5678', name: 'Ana' }],
    });
    expect(contact).toEqual({ waId: '34612345678', name: 'Ana' });
  });

  it('puts the correlation of the current work on every line, and a field given by the caller wins', () => {
    const { logger, lines } = capture();
    withCorrelation({ correlationId: 'thread-1', requestId: 'request-2' }, () => {
      logger.info('inside');
      logger.info({ correlationId: 'explicit' }, 'overridden');
    });
    logger.info('outside');
    expect(lines.map((l) => [l.correlationId, l.requestId])).toEqual([
      ['thread-1', 'request-2'],
      ['explicit', 'request-2'],
      [undefined, undefined],
    ]);
  });
});
