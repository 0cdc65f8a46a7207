import { ReportSubmissionSchema } from '@haven/shared';
import request from 'supertest';
import type { TestApp } from './app';
import { aReport } from './factories';
import { bearer, type StaffMember } from './staff';

export interface FiledReport {
  id: string;
  reference: string;
  receipt: string;
}

/**
 * A report filed through the intake service (the public route's path without its per-sender
 * throttle), and the case it became.
 */
export async function aFiledReport(
  testApp: TestApp,
  overrides: Record<string, unknown> = {},
  files: string[] = [],
): Promise<FiledReport> {
  const report = ReportSubmissionSchema.parse(aReport(overrides));
  const { reference, receipt } = await testApp.services.intake.submit({ report, files });
  const record = (await testApp.storage.cases.getByReference(reference))!;
  return { id: record.id, reference, receipt };
}

/** A staff member's view of the case API: each call with their token. */
export function caseApi(testApp: TestApp, member: StaffMember) {
  const api = () => request(testApp.app);
  const auth = bearer(member.accessToken);
  return {
    queue: (query: Record<string, string> = {}) =>
      api().get('/api/v1/cases').query(query).set(auth),
    open: (id: string) => api().get(`/api/v1/cases/${id}`).set(auth),
    patch: (id: string, body: object) => api().patch(`/api/v1/cases/${id}`).set(auth).send(body),
    post: (id: string, action: string, body: object) =>
      api().post(`/api/v1/cases/${id}/${action}`).set(auth).send(body),
    get: (path: string) => api().get(`/api/v1/cases/${path}`).set(auth),
    unlink: (id: string, otherId: string, version: number) =>
      api().delete(`/api/v1/cases/${id}/links/${otherId}`).query({ version }).set(auth),
    /** The case's current version, as a client would have read it. */
    version: async (id: string): Promise<number> =>
      (await api().get(`/api/v1/cases/${id}`).set(auth)).body.version,
  };
}
