import type { ColumnType } from 'kysely';

export type OrgKeyCustody = 'platform' | 'org';

/** An org's SM2 signing keys: platform-custodied (private half sealed under the master key) or org-held. */
export interface OrgSigningKeysTable {
  id: string;
  org_id: string;
  custody: OrgKeyCustody;
  algorithm: 'sm2';
  /** Uncompressed SEC1, 04 ‖ x ‖ y, lower-case hex. */
  public_key: string;
  /** Null for an org-held key: the platform never sees its private half. */
  sealed_private: string | null;
  master_key_id: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  created_by: string;
  retired_at: Date | null;
}

export interface OrgKeyTables {
  org_signing_keys: OrgSigningKeysTable;
}
