import { ApplicationsService } from './applications.service.js';
import { CertificatesService } from './certificates.service.js';
import { EvidenceService } from './evidence.service.js';
import { IssuanceService } from './issuance.service.js';
import { ObjectionsService } from './objections.service.js';
import type { Clock, RegistryDeps } from './registry.support.js';
import { ReviewService } from './review.service.js';
import { VerifyService } from './verify.service.js';

export { RegistrySettingsService } from './settings.service.js';
export { DEFAULT_REGISTRY_SETTINGS } from './registry.settings.js';
export type { Clock, RegistryDeps } from './registry.support.js';
export {
  addWorkingDays,
  isWorkingDay,
  shanghaiDay,
  workingDaysBetween,
  type HolidayCalendar,
} from './registry.calendar.js';
export * from './registry.rules.js';
export {
  certificateBlock,
  certificateStatus,
  isExpired,
  type CertificateAction,
} from './registry.lifecycle.js';
export { buildCredential, signCredential, issuerIdOf } from './registry.credential.js';
export { checkRight, certificatesNotInForce, type RightQuery } from './registry.rights.js';

/** The registry's services on one set of dependencies; `withClock` gives the same on another clock. */
export function createRegistry(deps: RegistryDeps) {
  const applications = new ApplicationsService(deps);
  const certificates = new CertificatesService(deps);
  return {
    settings: deps.settings,
    applications,
    review: new ReviewService(deps, applications),
    objections: new ObjectionsService(deps),
    issuance: new IssuanceService(deps, applications),
    certificates,
    verify: new VerifyService(deps),
    evidence: new EvidenceService(deps, applications),
    /**
     * The cross-domain question other domains ask: does this org hold (or hold by a license in its term)
     * this right on this resource, valid, unpledged and unfrozen, now?
     */
    checkRight: certificates.checkRight.bind(certificates),
    withClock: (now: Clock) => createRegistry({ ...deps, now }),
  };
}
export type Registry = ReturnType<typeof createRegistry>;
