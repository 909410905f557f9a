import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('starts with safe development defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: fileURLToPath(new URL('../../.data', import.meta.url)),
      WEBHOOK_MAX_BODY: 1024 * 1024,
      NODE_ENV: 'development',
    });
    expect(config.WHATSAPP_APP_SECRET.length).toBeGreaterThanOrEqual(8);
  });

  it('makes DATA_DIR absolute, so what is printed is where the data is', () => {
    expect(loadConfig({ DATA_DIR: 'some/data' }).DATA_DIR).toBe(resolve('some/data'));
  });

  it('names every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', WEBHOOK_MAX_BODY: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('MONGODB_URI must start with mongodb://');
    expect(message).toContain('WEBHOOK_MAX_BODY must be a byte count');
  });

  it('refuses to start in production without its secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /WHATSAPP_APP_SECRET is required when NODE_ENV=production/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        WHATSAPP_APP_SECRET: 'a-real-app-secret',
        WHATSAPP_VERIFY_TOKEN: 'a-real-verify-token',
        WHATSAPP_ACCESS_TOKEN: 'a-real-access-token',
        JWT_SECRET: 'x'.repeat(40),
        ADMIN_PASSWORD: 'a-long-admin-password',
      }),
    ).not.toThrow();
  });

  it('needs no Redis unless REDIS_URL names one, and refuses one that is not a redis:// URL', () => {
    expect(loadConfig({}).REDIS_URL).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0' }).REDIS_URL).toBe('redis://127.0.0.1:6379/0');
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must be a URL like redis:\/\//);
  });

  it('reads sizes with units', () => {
    expect(loadConfig({ WEBHOOK_MAX_BODY: '512kb' }).WEBHOOK_MAX_BODY).toBe(512 * 1024);
  });
});
