import type { Services } from '../../services';
import type { ReporterAssets } from './assets';
import type { SessionCookie } from './session';

/** What the reporter pages' handlers are built with. */
export interface PageDependencies {
  services: Services;
  assets: ReporterAssets | null;
  /** The address people use, for the link written into a downloaded receipt. */
  publicUrl: string;
  cookie: SessionCookie;
}
