import type { Config } from './config';
import { KeyRing } from './crypto/KeyRing';
import { loadSecrets, type Secrets } from './crypto/secrets';
import { loadSigningKey } from './crypto/signingKey';
import { DailyAddressKeys } from './modules/abuse/addressKeys';
import { ProofOfWork } from './modules/abuse/proofOfWork';
import { Throttle } from './modules/abuse/throttle';
import { UserAdminService } from './modules/admin/UserAdminService';
import { AttachmentService } from './modules/attachments/AttachmentService';
import { AuditService } from './modules/audit/AuditService';
import { CaseFiles } from './modules/cases/CaseFiles';
import { CaseLinks } from './modules/cases/CaseLinks';
import { CaseService } from './modules/cases/CaseService';
import { DuplicateFinder } from './modules/duplicates/DuplicateFinder';
import { IdentityService } from './modules/identity/IdentityService';
import { LoginThrottle } from './modules/identity/loginThrottle';
import { PasswordHasher } from './modules/identity/passwords';
import { SessionService } from './modules/identity/SessionService';
import { IntakeService } from './modules/intake/IntakeService';
import { ReporterService } from './modules/reporter/ReporterService';
import { SettingsService } from './modules/settings/SettingsService';
import { StatsService } from './modules/stats/StatsService';
import type { Storage } from './storage';

/** Request budgets per sender (keyed by a daily-rotating hash of the address) or per case. */
export const THROTTLE_POLICIES = {
  /** Reports from a browser that solved the proof of work (or when it is off). */
  report: { points: 10, windowSeconds: 3_600 },
  /** Reports without proof of work (JavaScript off): the stricter budget stands in for it. */
  reportWithoutProof: { points: 3, windowSeconds: 3_600 },
  receipt: { points: 10, windowSeconds: 900 },
  /** Messages and files a reporter adds to one case. */
  reporterWrite: { points: 30, windowSeconds: 3_600 },
  /** Staff sign-in steps and setup from one address (each account has its own limit too). */
  staffSignIn: { points: 100, windowSeconds: 900 },
  /** Reveals of sealed originals by one staff member: enough for real work, not for a sweep. */
  reveal: { points: 30, windowSeconds: 3_600 },
} as const;
export type ThrottlePolicyName = keyof typeof THROTTLE_POLICIES;

/** Everything the routes call, built once at start-up: services know nothing of HTTP. */
export interface Services {
  settings: SettingsService;
  keyRing: KeyRing;
  secrets: Secrets;
  attachments: AttachmentService;
  intake: IntakeService;
  reporter: ReporterService;
  duplicates: DuplicateFinder;
  proofOfWork: ProofOfWork | null;
  throttle: Throttle<ThrottlePolicyName>;
  addressKeys: DailyAddressKeys;
  audit: AuditService;
  identity: IdentityService;
  sessions: SessionService;
  userAdmin: UserAdminService;
  cases: CaseService;
  caseLinks: CaseLinks;
  caseFiles: CaseFiles;
  stats: StatsService;
}

export async function createServices(
  config: Pick<Config, 'proofOfWorkBits'>,
  storage: Storage,
  masterKey: Buffer,
): Promise<Services> {
  const settings = new SettingsService(storage.settings);
  const keyRing = await KeyRing.open(storage, { masterKey });
  const secrets = await loadSecrets(storage.settings, keyRing);
  const attachments = new AttachmentService(storage, keyRing);
  const signingKey = await loadSigningKey(storage.settings, keyRing);
  const sessions = new SessionService({ storage, secrets });
  const identity = new IdentityService({
    storage,
    keyRing,
    secrets,
    sessions,
    passwords: new PasswordHasher(),
    throttle: new LoginThrottle(storage.loginAttempts, secrets.loginAttempt),
  });
  const throttle = new Throttle(THROTTLE_POLICIES);
  const duplicates = new DuplicateFinder(storage.cases);
  const cases = new CaseService({
    storage,
    categories: () => settings.categories(),
    slaHours: () => settings.slaHours(),
    legalClocks: (category) => settings.legalClocksFor(category),
    duplicates,
  });
  return {
    settings,
    keyRing,
    secrets,
    attachments,
    intake: new IntakeService({
      storage,
      keyRing,
      attachments,
      secrets,
      categories: () => settings.categories(),
    }),
    reporter: new ReporterService({
      storage,
      keyRing,
      attachments,
      secrets,
      accessLapseDays: () => settings.reporterAccessLapseDays(),
      legalClocks: (category) => settings.legalClocksFor(category),
    }),
    duplicates,
    proofOfWork: config.proofOfWorkBits
      ? new ProofOfWork(secrets.proofOfWork, config.proofOfWorkBits)
      : null,
    throttle,
    addressKeys: new DailyAddressKeys(),
    audit: new AuditService({ store: storage.audit, signingKey }),
    identity,
    sessions,
    userAdmin: new UserAdminService({ storage, identity, sessions }),
    cases,
    caseLinks: new CaseLinks(cases),
    caseFiles: new CaseFiles({
      cases,
      keyRing,
      attachments,
      spendReveal: (userId) => throttle.consume('reveal', userId),
      redactionKey: secrets.redaction,
    }),
    stats: new StatsService({
      storage,
      suppressionK: () => settings.suppressionK(),
      categoryIds: async () => (await settings.categories()).map((category) => category.id),
    }),
  };
}
