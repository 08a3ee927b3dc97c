import type {
  BoardRules,
  DeliveryMode,
  Grade,
  ListingReview,
  NegativeEntry,
  PriceModel,
  Product,
  ProductScenario,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ResourcesService, SectorsService } from '../catalog/index.js';
import { orgNamesByIds } from '../identity/index.js';
import { iso } from '../shared/iso.js';
import { boardsRepository as boards, type NegativeRow, type ReviewRow } from './boards.repository.js';
import { productsRepository as products, type ProductRow } from './products.repository.js';

type Executor = Kysely<DB>;
/** What a product view needs from other domains: resource titles and grades, sector names. */
export interface ViewDeps {
  resources: Pick<ResourcesService, 'summaries'>;
  sectors: Pick<SectorsService, 'names'>;
}

/** The declaration document a seller makes (声明承诺), hashed over its RFC 8785 form. */
export interface DeclarationDoc {
  v: 1;
  productId: string;
  orgId: string;
  resourceIds: string[];
  commitments: Record<string, boolean>;
  statement: string | null;
  declaredBy: string;
  declaredAt: string;
}

/** Products as the API shows them, with every name they need read in a few batch queries. */
export async function toProducts(db: Executor, rows: ProductRow[], deps: ViewDeps): Promise<Product[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const links = await products.resourcesOf(db, ids);
  const [titles, sectors, orgs, boardRows] = await Promise.all([
    deps.resources.summaries(links.map((l) => l.resource_id)),
    deps.sectors.names(rows.map((r) => r.sector_code)),
    orgNamesByIds(
      db,
      rows.map((r) => r.org_id),
    ),
    boards.byCodes(db, [...new Set(rows.flatMap((r) => r.board_codes))]),
  ]);
  const boardOf = new Map(boardRows.map((b) => [b.code, b]));
  return rows.map((r) => ({
    ...toProductBase(r),
    orgName: orgs.get(r.org_id) ?? null,
    sectorName: sectors.get(r.sector_code)?.name ?? null,
    resources: links
      .filter((l) => l.product_id === r.id)
      .map((l) => ({
        id: l.resource_id,
        title: titles.get(l.resource_id)?.title ?? null,
        grade: titles.get(l.resource_id)?.grade ?? null,
        basis: l.basis,
      })),
    boards: r.board_codes.map((code) => ({
      code,
      name: boardOf.get(code)?.name ?? code,
      nameEn: boardOf.get(code)?.name_en ?? null,
    })),
  }));
}

/** A product row's own fields as the API shows them (names of what it refers to are added by toProducts). */
function toProductBase(r: ProductRow): Omit<Product, 'orgName' | 'sectorName' | 'resources' | 'boards'> {
  const d = r.declaration as unknown as DeclarationDoc;
  return {
    id: r.id,
    orgId: r.org_id,
    title: r.title,
    summary: r.summary,
    description: r.description,
    sector: r.sector_code,
    region: r.region,
    deliveryModes: r.delivery_modes as DeliveryMode[],
    priceModel: r.price_model as PriceModel | null,
    policy: r.policy,
    scenarios: r.scenarios as ProductScenario[],
    licence: { seats: r.seats, exclusive: r.exclusive },
    grade: r.grade as Grade,
    certificateNos: r.certificate_nos,
    declaration: {
      document: d as unknown as Record<string, unknown>,
      commitments: d.commitments,
      statement: d.statement,
      declaredBy: d.declaredBy,
      declaredAt: d.declaredAt,
      hash: r.declaration_hash,
      signature: r.signature,
    },
    status: r.status,
    version: r.version,
    rejectionReason: r.rejection_reason,
    suspensionReason: r.suspension_reason,
    withdrawalReason: r.withdrawal_reason,
    listing: r.listing_hash
      ? { hash: r.listing_hash, ledgerIndex: r.ledger_index === null ? null : Number(r.ledger_index) }
      : null,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    submittedAt: iso(r.submitted_at),
    publishedAt: iso(r.published_at),
  };
}

export const toReview = (r: ReviewRow, names: Map<string, string>): ListingReview => ({
  id: r.id,
  productId: r.product_id,
  productVersion: r.product_version,
  reviewerId: r.reviewer_id,
  reviewerName: names.get(r.reviewer_id) ?? null,
  decision: r.decision,
  checklist: r.checklist,
  reason: r.reason,
  createdAt: iso(r.created_at)!,
});

export const toNegative = (r: NegativeRow, label: string | null): NegativeEntry => ({
  id: r.id,
  kind: r.kind,
  value: r.value,
  label,
  reason: r.reason,
  addedBy: r.added_by,
  addedAt: iso(r.added_at)!,
  removedAt: iso(r.removed_at),
  removedBy: r.removed_by,
  removeReason: r.remove_reason,
});

export const boardRulesOf = (rules: unknown): BoardRules => (rules ?? {}) as BoardRules;
