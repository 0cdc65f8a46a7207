import type { Config } from './config';
import { KeyRing } from './crypto/KeyRing';
import { loadSecrets, type Secrets } from './crypto/secrets';
import { DailyAddressKeys } from './modules/abuse/addressKeys';
import { ProofOfWork } from './modules/abuse/proofOfWork';
import { Throttle } from './modules/abuse/throttle';
import { AttachmentService } from './modules/attachments/AttachmentService';
import { IntakeService } from './modules/intake/IntakeService';
import { ReporterService } from './modules/reporter/ReporterService';
import { SettingsService } from './modules/settings/SettingsService';
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
  proofOfWork: ProofOfWork | null;
  throttle: Throttle<ThrottlePolicyName>;
  addressKeys: DailyAddressKeys;
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
      legalClocks: () => settings.legalClocks(),
    }),
    proofOfWork: config.proofOfWorkBits
      ? new ProofOfWork(secrets.proofOfWork, config.proofOfWorkBits)
      : null,
    throttle: new Throttle(THROTTLE_POLICIES),
    addressKeys: new DailyAddressKeys(),
  };
}
