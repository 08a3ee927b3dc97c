import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface OrgsTable {
  id: string;
  name: string;
  name_en: string | null;
  uscc: string;
  types: string[];
  merchant_kinds: string[];
  provider_kinds: string[];
  region: string | null;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  status: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  org_id: string | null;
  roles: string[];
  status: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Generated<Date>;
  /** Set by an administrator's reset: the account may do nothing but choose a new password. */
  must_change_password: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  roles: string[];
  read_only: boolean;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

export interface ApplicationHistoryEntry {
  at: string;
  action: string;
  actor: string | null;
  reason: string | null;
}

export interface OrgApplicationsTable {
  id: string;
  org_id: string;
  admin_user_id: string;
  status: string;
  declarations: string[];
  submitted_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  reason: string | null;
  history: ColumnType<ApplicationHistoryEntry[], string, string>;
}

export interface AuthThrottleTable {
  key: string;
  window_start: Date;
  hits: number;
}

export interface LoginFailuresTable {
  username: string;
  failed_logins: Generated<number>;
  locked_until: Date | null;
}

export interface IdentityTables {
  auth_throttle: AuthThrottleTable;
  login_failures: LoginFailuresTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  org_applications: OrgApplicationsTable;
}
