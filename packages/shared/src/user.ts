import { z } from 'zod';
import { BusinessHoursSchedule } from './business-hours.js';
import { ObjectIdString } from './ids.js';

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

/** The languages the inbox speaks; a user's choice follows them from one machine to the next. */
export const Locale = z.enum(['en', 'es', 'pt']);
export type Locale = z.infer<typeof Locale>;

export const UserDTO = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  channelIds: z.array(z.string()),
  createdAt: z.string(),
  /** The interface language the user chose; null until they choose (the inbox then follows the OS). */
  locale: Locale.nullable().default(null),
});
export type UserDTO = z.infer<typeof UserDTO>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an email address'));
const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const CreateUserRequest = z.object({
  email: Email,
  name: z.string().trim().min(1).max(100),
  role: Role,
  password: Password,
  /** Routing profile, set with the user so a new agent can take conversations at once. */
  queueIds: z.array(ObjectIdString).max(50).optional(),
  capacity: z.number().int().min(0).max(100).optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({ name: z.string().trim().min(1).max(100), role: Role, password: Password, active: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: UserDTO });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A user as the team settings show them: their account and their routing profile. */
export const TeamMemberDTO = UserDTO.extend({
  queueIds: z.array(z.string()),
  capacity: z.number().int(),
  workingHours: BusinessHoursSchedule.nullable(),
});
export type TeamMemberDTO = z.infer<typeof TeamMemberDTO>;

/** A new password made by the server, shown once to the admin who reset it; the user's sessions end. */
export const PasswordResetResponse = z.object({ temporaryPassword: z.string() });
export type PasswordResetResponse = z.infer<typeof PasswordResetResponse>;

/** What a signed-in user may change about themselves (PATCH /api/me). */
export const UpdateMeRequest = z.strictObject({ locale: Locale });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;
