import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { AuthService } from './auth.service.js';
import { BootstrapService } from './bootstrap.service.js';
import { OnboardingService } from './onboarding.service.js';
import { OrgsService } from './orgs.service.js';
import { UsersService } from './users.service.js';

/** The identity domain wired to one database: sign-in and credentials, onboarding, users and orgs. */
export function createIdentity(deps: { db: Kysely<DB>; config: Config }) {
  const { db } = deps;
  return {
    auth: new AuthService(db, deps.config),
    onboarding: new OnboardingService(db),
    users: new UsersService(db),
    orgs: new OrgsService(db),
    bootstrap: new BootstrapService(db),
  };
}
export type IdentityServices = ReturnType<typeof createIdentity>;
