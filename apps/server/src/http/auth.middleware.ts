import type { Role, UserDTO } from '@switchboard/shared';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../domain/audit-log.js';
import type { UserService } from '../domain/user.service.js';
import type { Viewer } from '../domain/viewer.js';
import { AppError } from '../lib/errors.js';

type AuthLocals = { user: UserDTO; viewer: Viewer };

export function requireAuth(users: UserService) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', 'send Authorization: Bearer <token> (from POST /api/auth/login)');
    Object.assign(res.locals, await users.authenticate(match[1]));
    next();
  };
}

export function requireRole(...roles: Role[]) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!roles.includes(authOf(res).user.role))
      throw new AppError('FORBIDDEN', `this needs the role ${roles.join(' or ')}`);
    next();
  };
}

export function authOf(res: Response): AuthLocals {
  return res.locals as AuthLocals;
}

/** The signed-in user as the audit log records who made a change. */
export function actorOf(res: Response): Actor {
  const { id, name, role } = authOf(res).user;
  return { id, name, role };
}
