import type { CatalogTables } from '../catalog/catalog.tables.js';
import type { AuditTables } from '../audit/audit.tables.js';
import type { CryptoTables } from '../crypto/crypto.tables.js';
import type { OrgKeyTables } from '../crypto/org-keys.tables.js';
import type { IdentityTables } from '../identity/identity.tables.js';
import type { LedgerTables } from '../ledger/ledger.tables.js';
import type { NotificationTables } from '../notifications/notifications.tables.js';
import type { RegistryTables } from '../registry/registry.tables.js';
import type { ConsentTables } from '../consent/consent.tables.js';
import type { SettingsTables } from '../settings/settings.tables.js';
import type { ImpactTables } from '../catalog/impact.tables.js';
import type { SharingTables } from '../sharing/sharing.tables.js';
import type { MarketTables } from '../market/market.tables.js';
import type { DemandTables } from '../market/demands.tables.js';
import type { TradeTables } from '../trade/trade.tables.js';
import type { ComputeTables } from '../compute/compute.tables.js';
import type { QualityTables } from '../quality/quality.tables.js';
import type { DcmmTables } from '../quality/dcmm.tables.js';
import type { DesignationTables } from '../quality/designations.tables.js';
import type { ComplaintTables } from '../quality/complaints.tables.js';
import type { AssetTables } from '../assets/assets.tables.js';

/** The whole database as Kysely sees it: each domain contributes its own tables. */
export interface DB
  extends
    IdentityTables,
    AuditTables,
    NotificationTables,
    CryptoTables,
    OrgKeyTables,
    LedgerTables,
    CatalogTables,
    SharingTables,
    RegistryTables,
    ConsentTables,
    SettingsTables,
    ImpactTables,
    MarketTables,
    DemandTables,
    TradeTables,
    ComputeTables,
    QualityTables,
    DcmmTables,
    DesignationTables,
    ComplaintTables,
    AssetTables {}
