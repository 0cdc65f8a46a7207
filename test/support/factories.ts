import { randomBytes, randomUUID } from 'node:crypto';
import type { AuditDraft, NewCase, NewUser, TimelineEvent } from '../../server/src/storage/types';

/** A case as intake would store it; override what the test is about. */
export function aCase(overrides: Partial<NewCase> = {}): NewCase {
  const createdAt = overrides.createdAt ?? new Date();
  return {
    id: randomUUID(),
    reference: `HV-${randomBytes(4).toString('hex').toUpperCase()}`,
    status: 'new',
    category: 'cyberattack.phishing',
    country: 'FR',
    severity: null,
    assigneeId: null,
    tlp: 'AMBER',
    tags: [],
    blindIndexes: [],
    slaDueAt: null,
    unreadFromReporter: 0,
    month: createdAt.toISOString().slice(0, 7),
    platform: null,
    targets: [],
    triagedAt: null,
    resolvedAt: null,
    createdAt,
    idempotencyKey: null,
    receiptHash: null,
    body: {
      text: {
        narrative: 'A message asked for my password at [EMAIL-1].',
        platform: null,
        urls: [],
        handles: [],
      },
      nested: {},
    },
    ...overrides,
  };
}

/** A timeline event: a staff note on no case in particular; name the case the test needs. */
export function anEvent(overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: randomUUID(),
    caseId: randomUUID(),
    at: new Date(),
    kind: 'note',
    actorId: 'user-1',
    reporterVisible: false,
    body: { text: 'Called the platform; awaiting their answer.', nested: {} },
    ...overrides,
  };
}

export function aUser(overrides: Partial<NewUser> = {}): NewUser {
  return {
    id: randomUUID(),
    username: `officer-${randomBytes(4).toString('hex')}`,
    displayName: 'Case Officer',
    roles: ['officer'],
    disabled: false,
    createdAt: new Date(),
    body: { passwordHash: '$argon2id$placeholder' },
    ...overrides,
  };
}

export function anAudit(overrides: Partial<AuditDraft> = {}): AuditDraft {
  return { action: 'test.action', actorId: null, ...overrides };
}

/** A report as a reporter would send it; override what the test is about. */
export function aReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'cyberattack',
    subcategory: 'phishing',
    narrative:
      'I received a message pretending to be my bank, asking me to log in on a fake page. It used my full name.',
    country: 'GB',
    occurredOn: '2026-10',
    platform: 'E-mail',
    urls: ['https://bank-login.example.com/verify?session=abc123'],
    handles: [],
    targets: [],
    language: 'en',
    ...overrides,
  };
}
