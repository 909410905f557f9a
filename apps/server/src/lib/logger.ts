import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs; phone numbers and bodies are redacted so they never reach a log in full. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'switchboard-server' },
    redact: {
      paths: ['*.body', '*.text', '*.phone', '*.waId', '*.wa_id', '*.from', '*.password', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
