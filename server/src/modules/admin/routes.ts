import { Router } from 'express';
import {
  CreatedUserSchema,
  CreateUserRequestSchema,
  SettingsSchema,
  StaffUserPageSchema,
  StaffUserSchema,
  TemporaryPasswordSchema,
  UpdateUserRequestSchema,
  UserListQuerySchema,
} from '@haven/shared';
import { z } from 'zod';
import { problemResponse, type DescribeRoutes } from '../../http/openapi';
import { parseRequest } from '../../http/validate';
import type { Services } from '../../services';
import { staffOf, type StaffGuards } from '../identity/guards';

const UserIdSchema = z.string().min(1).max(100);

/** Staff account administration and settings, under `/admin`: `users.manage`, `settings.manage`. */
export function adminRoutes(services: Services, guards: StaffGuards): Router {
  const router = Router();
  const manageUsers = guards.permission('users.manage');
  const manageSettings = guards.permission('settings.manage');
  const actor = (req: Parameters<typeof staffOf>[0]) =>
    ({ id: staffOf(req).userId, via: 'admin' }) as const;
  const userId = (params: unknown) =>
    parseRequest(z.object({ id: UserIdSchema }), params, 'path').id;

  router.get('/admin/users', manageUsers, async (req, res) => {
    const query = parseRequest(UserListQuerySchema, req.query, 'query');
    res.json(await services.userAdmin.list(query));
  });

  router.post('/admin/users', manageUsers, async (req, res) => {
    const request = parseRequest(CreateUserRequestSchema, req.body, 'user');
    res.status(201).json(await services.userAdmin.create(actor(req), request));
  });

  router.get('/admin/users/:id', manageUsers, async (req, res) => {
    res.json(await services.userAdmin.get(userId(req.params)));
  });

  router.patch('/admin/users/:id', manageUsers, async (req, res) => {
    const request = parseRequest(UpdateUserRequestSchema, req.body, 'change');
    res.json(await services.userAdmin.update(actor(req), userId(req.params), request));
  });

  router.post('/admin/users/:id/reset-mfa', manageUsers, async (req, res) => {
    res.json(await services.userAdmin.resetSecondFactor(actor(req), userId(req.params)));
  });

  router.post('/admin/users/:id/reset-password', manageUsers, async (req, res) => {
    res.json(await services.userAdmin.resetPassword(actor(req), userId(req.params)));
  });

  router.get('/admin/settings', manageSettings, async (_req, res) => {
    res.json(await services.settings.all());
  });

  router.put('/admin/settings', manageSettings, async (req, res) => {
    const settings = parseRequest(SettingsSchema, req.body, 'settings');
    await services.settings.update(settings, staffOf(req).userId);
    res.json(await services.settings.all());
  });

  return router;
}

export const describeAdminRoutes: DescribeRoutes = (registry) => {
  const json = <T extends z.ZodType>(schema: T) => ({
    content: { 'application/json': { schema } },
  });
  const security = [{ staffToken: [] }];
  const refusals = {
    401: problemResponse('Not signed in'),
    403: problemResponse('The roles do not grant this'),
  };
  const userPath = { params: z.object({ id: UserIdSchema }) };

  registry.registerPath({
    method: 'get',
    path: '/api/v1/admin/users',
    summary: 'Staff accounts, oldest first, in pages',
    tags: ['administration'],
    security,
    request: { query: UserListQuerySchema },
    responses: { 200: { description: 'A page', ...json(StaffUserPageSchema) }, ...refusals },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/admin/users',
    summary: 'Create an account; its temporary password is shown once',
    tags: ['administration'],
    security,
    request: { body: json(CreateUserRequestSchema) },
    responses: {
      201: { description: 'Created', ...json(CreatedUserSchema) },
      400: problemResponse('Invalid body'),
      409: problemResponse('The username is taken'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/admin/users/{id}',
    summary: 'One staff account',
    tags: ['administration'],
    security,
    request: userPath,
    responses: {
      200: { description: 'The account', ...json(StaffUserSchema) },
      404: problemResponse('No such user'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/v1/admin/users/{id}',
    summary: 'Change display name, roles, disabled; force a password change',
    description:
      'Any field but these is refused. Changing roles, disabling or forcing a password change ends every session of the user at once.',
    tags: ['administration'],
    security,
    request: { ...userPath, body: json(UpdateUserRequestSchema) },
    responses: {
      200: { description: 'The account as it is now', ...json(StaffUserSchema) },
      400: problemResponse('Invalid body or an unknown field'),
      404: problemResponse('No such user'),
      409: problemResponse('Stale version, or the last enabled admin would be lost'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/admin/users/{id}/reset-mfa',
    summary: 'Remove the second factor and recovery codes; the user enrols again at sign-in',
    tags: ['administration'],
    security,
    request: userPath,
    responses: {
      200: { description: 'The account as it is now', ...json(StaffUserSchema) },
      404: problemResponse('No such user'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/admin/users/{id}/reset-password',
    summary: 'A new temporary password (shown once), to be replaced at the next sign-in',
    tags: ['administration'],
    security,
    request: userPath,
    responses: {
      200: { description: 'The temporary password', ...json(TemporaryPasswordSchema) },
      404: problemResponse('No such user'),
      ...refusals,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/admin/settings',
    summary: 'Categories, SLA hours, legal clocks, retention, suppression threshold',
    tags: ['administration'],
    security,
    responses: { 200: { description: 'The settings', ...json(SettingsSchema) }, ...refusals },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/admin/settings',
    summary: 'Replace the settings (send them whole); each changed setting is audited',
    tags: ['administration'],
    security,
    request: { body: json(SettingsSchema) },
    responses: {
      200: { description: 'The settings as they are now', ...json(SettingsSchema) },
      400: problemResponse('Invalid settings (e.g. a suppression threshold below 3)'),
      ...refusals,
    },
  });
};
