import { z } from 'zod';

export const ObjectIdString = z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-character hex id');

export const IdParams = z.object({ id: ObjectIdString });
