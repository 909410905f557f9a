import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { correlationLogFields } from './correlation.js';
import { censorSensitive, maskPhonesIn, REDACT_PATHS } from './log-redaction.js';

export type { Logger };

/**
 * JSON logs. Every line carries the correlation id of the work it belongs to (from AsyncLocalStorage), and
 * customers' phone numbers and message texts never reach a log in full: known fields are masked by path,
 * and error messages and stacks are masked wherever a phone-like number appears in them.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'switchboard-server' },
    mixin: correlationLogFields,
    redact: { paths: REDACT_PATHS, censor: censorSensitive },
    serializers: {
      err: maskedError,
      itemErrors: (items: { path: string; message: string }[]) => items.map((i) => ({ path: i.path, message: maskPhonesIn(i.message) })),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function maskedError(error: Error) {
  const serialized = stdSerializers.err(error);
  serialized.message = maskPhonesIn(serialized.message);
  if (serialized.stack) serialized.stack = maskPhonesIn(serialized.stack);
  return serialized;
}
