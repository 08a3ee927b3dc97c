export { AuthService, type Authenticated } from './auth.service.js';
export {
  confirmsUser,
  PASSWORD_CONFIRMATION_TTL_MS,
  type PasswordConfirmation,
} from './password-confirmation.js';
export { ThrottleService } from './throttle.service.js';
export { PrincipalCache, followPrincipalChanges, PRINCIPAL_CHANNEL } from './principal-cache.js';
export { OnboardingService } from './onboarding.service.js';
export { UsersService } from './users.service.js';
export { OrgsService } from './orgs.service.js';
export { BootstrapService, type DirectOrg, type DirectUser } from './bootstrap.service.js';
export { hashPassword, verifyPassword } from './passwords.js';
export * from './identity.rules.js';
export * from './identity.reads.js';
export { notifyOrg } from './org-notices.js';
export { createActiveUser, type NewUser } from './user-creation.js';
export { createIdentity, type IdentityServices } from './identity.factory.js';
