import { z } from 'zod';

export const Role = z.enum(['agent', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

export const UserDTO = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: Role,
  active: z.boolean(),
  channelIds: z.array(z.string()),
  createdAt: z.string(),
});
export type UserDTO = z.infer<typeof UserDTO>;

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an email address'));
const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const CreateUserRequest = z.object({
  email: Email,
  name: z.string().trim().min(1).max(100),
  role: Role,
  password: Password,
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
