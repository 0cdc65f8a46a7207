import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { aJpegWithGps, MARKERS } from '../../../../test/fixtures/attachments/files';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { aFiledReport, caseApi } from '../../../../test/support/cases';
import { aStaffMember, bearer, type StaffMember } from '../../../../test/support/staff';
import { makeTempDir } from '../../../../test/support/tempDir';
import { THROTTLE_POLICIES } from '../../services';

let testApp: TestApp;
let officer: StaffMember;
let temp: ReturnType<typeof makeTempDir>;
beforeEach(async () => {
  testApp = await startTestApp();
  officer = await aStaffMember(testApp, { roles: ['officer'] });
  temp = makeTempDir();
});
afterEach(async () => {
  temp.cleanup();
  await testApp.close();
});

/** A case with one photo attached (camera and GPS metadata in the original). */
async function aCaseWithAPhoto() {
  const path = join(temp.path, 'upload');
  writeFileSync(path, await aJpegWithGps());
  const filed = await aFiledReport(
    testApp,
    {
      narrative: 'The photo they sent me. Reach me at +44 20 7946 0958.',
      contact: { email: 'me@example.net' },
    },
    [path],
  );
  const attachmentId = (await caseApi(testApp, officer).open(filed.id)).body.attachments[0].id;
  return { ...filed, attachmentId };
}

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const reveal = (caseId: string, body: object, member = officer) =>
  request(testApp.app)
    .post(`/api/v1/cases/${caseId}/reveal`)
    .set(bearer(member.accessToken))
    .send(body)
    .buffer(true)
    .parse(binary);
const revealed = async (caseId: string) =>
  (await testApp.storage.audit.list({ limit: 100_000 })).filter(
    (entry) => entry.action === 'case.revealed' && entry.subject?.id === caseId,
  );

describe('attachments', () => {
  it('when staff download an attachment, then they get the scrubbed copy under a server-chosen name', async () => {
    const filed = await aCaseWithAPhoto();

    const response = await request(testApp.app)
      .get(`/api/v1/cases/${filed.id}/attachments/${filed.attachmentId}`)
      .set(bearer(officer.accessToken))
      .buffer(true)
      .parse(binary);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${filed.reference}-1.jpg"`,
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toContain('no-store');
    const bytes = response.body as Buffer;
    expect(bytes.includes(MARKERS.camera)).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  });

  it('when an image is shown on the case page, then its thumbnail is a small JPEG', async () => {
    const filed = await aCaseWithAPhoto();

    const response = await request(testApp.app)
      .get(`/api/v1/cases/${filed.id}/attachments/${filed.attachmentId}/thumbnail`)
      .set(bearer(officer.accessToken))
      .buffer(true)
      .parse(binary);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    const metadata = await sharp(response.body as Buffer).metadata();
    expect(metadata.width).toBeLessThanOrEqual(320);
  });

  it('when the attachment or case is unknown, or the user has no case role, then no file', async () => {
    const filed = await aCaseWithAPhoto();
    const auditor = await aStaffMember(testApp, { roles: ['auditor'] });
    const get = (path: string, member = officer) =>
      request(testApp.app).get(`/api/v1/cases/${path}`).set(bearer(member.accessToken));

    expect((await get(`${filed.id}/attachments/nope`)).status).toBe(404);
    expect((await get(`nope/attachments/${filed.attachmentId}`)).status).toBe(404);
    expect((await get(`${filed.id}/attachments/${filed.attachmentId}`, auditor)).status).toBe(403);
    expect(
      (
        await request(testApp.app).get(
          `/api/v1/cases/${filed.id}/attachments/${filed.attachmentId}`,
        )
      ).status,
    ).toBe(401);
  });
});

describe('reveal', () => {
  it('when an officer reveals the narrative with a reason, then the original comes once, uncached, and the reason is audited without personal data', async () => {
    const filed = await aCaseWithAPhoto();

    const response = await reveal(filed.id, {
      field: 'narrative',
      reason: 'Need the number to warn the reporter, call +44 20 7946 0999',
    });

    expect(response.status).toBe(200);
    const body = JSON.parse((response.body as Buffer).toString('utf8'));
    expect(body).toMatchObject({
      field: 'narrative',
      text: { narrative: 'The photo they sent me. Reach me at +44 20 7946 0958.' },
    });
    expect(response.headers['cache-control']).toContain('no-store');
    const [entry] = await revealed(filed.id);
    expect(entry).toMatchObject({ actorId: officer.user.id, details: { field: 'narrative' } });
    expect(String(entry!.details!.reason)).toMatch(
      /^Need the number to warn the reporter, call \[PHONE-1\]$/,
    );
    const page = await caseApi(testApp, officer).open(filed.id);
    expect(page.body.timeline.at(-1)).toMatchObject({
      kind: 'reveal',
      field: 'narrative',
      actor: { id: officer.user.id },
    });
    expect(JSON.stringify(page.body)).not.toContain('7946 0958');
  });

  it('when the contact is revealed, then it is the reporter’s own', async () => {
    const filed = await aCaseWithAPhoto();
    const response = await reveal(filed.id, {
      field: 'contact',
      reason: 'The reporter asked us to call back',
    });
    expect(JSON.parse((response.body as Buffer).toString('utf8'))).toEqual({
      field: 'contact',
      contact: { email: 'me@example.net' },
    });
  });

  it('when an original attachment is revealed, then its bytes come as received, metadata and all', async () => {
    const filed = await aCaseWithAPhoto();

    const response = await reveal(filed.id, {
      field: 'attachment',
      attachmentId: filed.attachmentId,
      reason: 'Police need the original evidence file',
    });

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="${filed.reference}-1-original.jpg"`,
    );
    expect((response.body as Buffer).equals(await aJpegWithGps())).toBe(true);
    expect((await revealed(filed.id))[0]!.details).toMatchObject({
      field: 'attachment',
      attachmentId: filed.attachmentId,
    });
  });

  it.each([
    [{ field: 'narrative' }, 'reason'],
    [{ field: 'narrative', reason: 'because' }, 'reason'],
    [{ field: 'attachment', reason: 'For the police file' }, 'attachmentId'],
    [{ field: 'narrative', attachmentId: 'x', reason: 'For the police file' }, 'attachmentId'],
    [{ field: 'everything', reason: 'For the police file' }, 'field'],
  ])(
    'when the request is %j, then 400 names %s and nothing is revealed or audited',
    async (body, path) => {
      const filed = await aCaseWithAPhoto();

      const response = await reveal(filed.id, body);

      expect(response.status).toBe(400);
      expect((response.body as Buffer).toString('utf8')).toContain(path);
      expect(await revealed(filed.id)).toEqual([]);
    },
  );

  it('when an auditor or admin asks for a reveal, then 403', async () => {
    const filed = await aCaseWithAPhoto();
    for (const role of ['auditor', 'admin'] as const) {
      const member = await aStaffMember(testApp, { roles: [role] });
      const response = await reveal(
        filed.id,
        { field: 'narrative', reason: 'Just curious, honestly' },
        member,
      );
      expect(response.status).toBe(403);
    }
    expect(await revealed(filed.id)).toEqual([]);
  });

  it('when one user reveals too often, then 429 with Retry-After and nothing more is revealed', async () => {
    const filed = await aCaseWithAPhoto();
    const allowed = THROTTLE_POLICIES.reveal.points;
    for (let index = 0; index < allowed; index += 1) {
      expect(
        (await reveal(filed.id, { field: 'narrative', reason: 'Checking the wording' })).status,
      ).toBe(200);
    }

    const refused = await reveal(filed.id, { field: 'narrative', reason: 'Checking the wording' });

    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await revealed(filed.id)).toHaveLength(allowed);
  });
});
