import type { RequestHandler } from 'express';
import { invalidTokenError } from './meta-errors.js';

/** Graph API accepts `Authorization: Bearer <token>`; anything else is Meta's 401 code 190. */
export function requireBearer(accessToken: string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() === 'bearer' && token === accessToken) {
      next();
      return;
    }
    const { status, body } = invalidTokenError();
    res.status(status).set('www-authenticate', 'OAuth "Facebook Platform" "invalid_token"').json(body);
  };
}

/** Skips a `/:version/...` route unless the first segment is a Graph version like `v21.0`. */
export const graphVersionOnly: RequestHandler = (req, _res, next) => {
  next(/^v\d+\.\d+$/.test(String(req.params.version)) ? undefined : 'route');
};
