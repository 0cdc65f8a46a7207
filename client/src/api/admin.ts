import {
  CreatedUserSchema,
  SettingsSchema,
  StaffUserPageSchema,
  StaffUserSchema,
  TemporaryPasswordSchema,
  type CreateUserRequest,
  type Settings,
  type StaffUser,
  type UpdateUserRequest,
} from '@haven/shared';
import { apiRequest } from './client';

/** The administration endpoints (`/api/v1/admin…`). */

export function listUsers(cursor?: string) {
  const query = new URLSearchParams({ limit: '100' });
  if (cursor) query.set('cursor', cursor);
  return apiRequest('GET', `/admin/users?${query.toString()}`, { schema: StaffUserPageSchema });
}

export function fetchUser(id: string): Promise<StaffUser> {
  return apiRequest('GET', `/admin/users/${encodeURIComponent(id)}`, { schema: StaffUserSchema });
}

/** Answers the new account and its temporary password, shown once. */
export function createUser(request: CreateUserRequest) {
  return apiRequest('POST', '/admin/users', { body: request, schema: CreatedUserSchema });
}

export function updateUser(id: string, change: UpdateUserRequest): Promise<StaffUser> {
  return apiRequest('PATCH', `/admin/users/${encodeURIComponent(id)}`, {
    body: change,
    schema: StaffUserSchema,
  });
}

/** The user enrols a new authenticator at their next sign-in; their sessions end. */
export function resetSecondFactor(id: string): Promise<StaffUser> {
  return apiRequest('POST', `/admin/users/${encodeURIComponent(id)}/reset-mfa`, {
    schema: StaffUserSchema,
  });
}

/** A new temporary password, shown once; the user replaces it at the next sign-in. */
export async function resetPassword(id: string): Promise<string> {
  const answer = await apiRequest('POST', `/admin/users/${encodeURIComponent(id)}/reset-password`, {
    schema: TemporaryPasswordSchema,
  });
  return answer.temporaryPassword;
}

export function fetchSettings(): Promise<Settings> {
  return apiRequest('GET', '/admin/settings', { schema: SettingsSchema });
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return apiRequest('PUT', '/admin/settings', { body: settings, schema: SettingsSchema });
}
