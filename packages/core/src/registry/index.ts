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
export { certificatesByNumbers } from './registry.reads.js';
export { createRegistry, type Registry } from './registry.factory.js';
