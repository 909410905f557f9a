import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../lib/errors.js';

type LimiterSpec = { keyPrefix: string; points: number; duration: number };

export type LoginLimiterOptions = {
  /** Failed logins allowed per account and address within the window; the next attempt is refused. */
  maxFailures: number;
  windowSeconds: number;
  /** Where the counts live: this process's memory by default; a Redis-backed factory shares them. */
  createLimiter?: (spec: LimiterSpec) => RateLimiterAbstract;
};

export interface LoginLimiter {
  /**
   * Takes one attempt from the account+address budget before the password is checked, so parallel guesses
   * cannot all slip in before the first failure is counted. Throws 429 with Retry-After when spent.
   */
  attempt(email: string, ip: string): Promise<void>;
  /** A correct password: the account's count starts again. */
  succeeded(email: string, ip: string): Promise<void>;
}

const keyOf = (email: string, ip: string) => `${email.trim().toLowerCase()}|${ip}`;

export function createLoginLimiter(options: LoginLimiterOptions): LoginLimiter {
  const spec = { keyPrefix: 'login-failures', points: options.maxFailures, duration: options.windowSeconds };
  const limiter = options.createLimiter ? options.createLimiter(spec) : new RateLimiterMemory(spec);
  return {
    async attempt(email, ip) {
      try {
        await limiter.consume(keyOf(email, ip));
      } catch (rejection) {
        // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error when its store fails.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new AppError(
          'RATE_LIMITED',
          `too many failed logins for this account; try again in ${retryAfterSeconds} s`,
          undefined,
          retryAfterSeconds,
        );
      }
    },
    async succeeded(email, ip) {
      await limiter.delete(keyOf(email, ip));
    },
  };
}
