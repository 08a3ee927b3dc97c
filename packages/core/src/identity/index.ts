export { AuthService, type Authenticated } from './auth.service.js';
export { OnboardingService } from './onboarding.service.js';
export { UsersService, OrgsService } from './users.service.js';
export { BootstrapService, type DirectOrg, type DirectUser } from './bootstrap.service.js';
export { hashPassword, verifyPassword } from './passwords.js';
export * from './identity.rules.js';
export { identityRepository } from './identity.repository.js';
export { createActiveUser, type NewUser } from './user-creation.js';
