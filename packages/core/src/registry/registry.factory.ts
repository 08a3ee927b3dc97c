import { ApplicationsService } from './applications.service.js';
import { CertificatesService, type CertificateListener } from './certificates.service.js';
import { EvidenceService } from './evidence.service.js';
import { IssuanceService } from './issuance.service.js';
import { ObjectionsService } from './objections.service.js';
import type { Clock, RegistryDeps } from './registry.support.js';
import { ReviewService } from './review.service.js';
import { VerifyService } from './verify.service.js';

/**
 * The registry's services on one set of dependencies; `withClock` gives the same on another clock, told of
 * the same listeners (a certificate frozen on any clock still suspends what stands on it).
 */
export function createRegistry(deps: RegistryDeps, listeners: CertificateListener[] = []) {
  const applications = new ApplicationsService(deps);
  const certificates = new CertificatesService(deps, listeners);
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
    withClock: (now: Clock) => createRegistry({ ...deps, now }, listeners),
  };
}
export type Registry = ReturnType<typeof createRegistry>;
