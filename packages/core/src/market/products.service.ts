import {
  headlineFen,
  highestGrade,
  jcs,
  type Commitments,
  type Grade,
  type ListingCheck,
  type MyProductQuery,
  type Paged,
  type Product,
  type ProductBody,
  type UpdateProductBody,
} from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { searchVector } from '../catalog/index.js';
import { sm3Hex } from '../crypto/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { boardsRepository as boards } from './boards.repository.js';
import { gatherFacts, resolveBasis, storedPrice, type Basis, type ProductDraft } from './listing.facts.js';
import type { PasswordConfirmation } from '../identity/index.js';
import {
  BoardUnknown,
  DeclarationSignatureInvalid,
  IllegalTransition,
  PolicyInvalid,
  SectorUnknown,
  VersionConflict,
} from './market.errors.js';
import { toProducts, type DeclarationDoc } from './market.mappers.js';
import { checkPolicy, listingChecklist, productGrade } from './market.rules.js';
import type { Executor, MarketDeps } from './market.support.js';
import { relationTo } from './market.support.js';
import { productsRepository as products, type ProductRow } from './products.repository.js';
import type { DeclarationSignatureRow } from './market.tables.js';

type Body = z.output<typeof ProductBody>;
type Update = z.output<typeof UpdateProductBody>;
/** How the org signs: its custodied key on a confirmed password, or a signature made offline with its own key. */
export type SignHow =
  | { custody: 'platform'; confirmed: PasswordConfirmation }
  | { custody: 'org'; keyId: string; signature: string };
/** The states a seller edits in: a rejected or suspended product becomes a draft again. */
const EDITABLE = ['draft', 'rejected', 'suspended'];

/** The draft a product row describes, for the rules. */
export const draftOf = (r: ProductRow): ProductDraft & { resourceIds: string[] } => {
  const d = r.declaration as unknown as DeclarationDoc;
  return {
    orgId: r.org_id,
    title: r.title,
    summary: r.summary,
    description: r.description,
    sector: r.sector_code,
    resourceIds: d.resourceIds,
    deliveryModes: r.delivery_modes as ProductDraft['deliveryModes'],
    boards: r.board_codes,
    priceModel: r.price_model as ProductDraft['priceModel'],
    scenarios: r.scenarios,
    commitments: d.commitments as Commitments,
    declaration: d,
    signature: r.signature,
  };
};

/** 数据产品 on the seller's side: drafts, the dry run of the listing checks, reading and listing. */
export class ProductsService {
  constructor(private readonly deps: MarketDeps) {}

  async create(ctx: RequestContext, b: Body): Promise<Product> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('a product is listed by an organization');
    const id = newId('prd');
    await this.deps.db.transaction().execute(async (tx) => {
      b.policy = (await this.checkInput(tx, b, id, p.orgId!)) as Body['policy'];
      const basis = await resolveBasis(this.deps, tx, p.orgId!, b.resourceIds);
      await products.insert(tx, {
        id,
        org_id: p.orgId!,
        ...this.columns(id, p.orgId!, p.userId, b, basis),
        status: 'draft',
        created_by: p.userId,
      });
      await this.link(tx, id, b, basis);
      await recordAudit(tx, ctx, {
        action: 'market.product.create',
        objectType: 'product',
        objectId: id,
        details: { title: b.title, resourceIds: b.resourceIds, boards: b.boards },
      });
    });
    return this.get(ctx, id);
  }

  async update(ctx: RequestContext, id: string, u: Update): Promise<Product> {
    const p = requirePrincipal(ctx);
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.lockOwn(tx, ctx, id);
      if (!EDITABLE.includes(row.status))
        throw IllegalTransition(`a product ${row.status} is not edited: withdraw it first`);
      if (u.version !== row.version)
        throw VersionConflict(`you edited version ${u.version}; the product is at ${row.version}`);
      const was = draftOf(row);
      const b: Body = {
        title: u.title ?? was.title,
        summary: u.summary ?? was.summary,
        description: u.description ?? was.description,
        sector: u.sector ?? was.sector,
        region: u.region ?? row.region,
        resourceIds: u.resourceIds ?? was.resourceIds,
        deliveryModes: u.deliveryModes ?? was.deliveryModes,
        boards: u.boards ?? was.boards,
        priceModel: u.priceModel === undefined ? was.priceModel : u.priceModel,
        policy: u.policy === undefined ? row.policy : u.policy,
        scenarios: u.scenarios ?? was.scenarios,
        commitments: u.commitments ?? was.commitments,
        statement: u.statement === undefined ? this.statementOf(row) : u.statement,
        licence: u.licence ?? { seats: row.seats, exclusive: row.exclusive },
      };
      b.policy = (await this.checkInput(tx, b, id, row.org_id)) as Body['policy'];
      const basis = await resolveBasis(this.deps, tx, row.org_id, b.resourceIds);
      const set = { ...this.columns(id, row.org_id, p.userId, b, basis), status: 'draft' as const };
      if (!(await products.updateAt(tx, id, row.version, { ...set, updated_at: this.deps.now() })))
        throw VersionConflict();
      await this.link(tx, id, b, basis);
      await recordAudit(tx, ctx, {
        action: 'market.product.update',
        objectType: 'product',
        objectId: id,
        details: { from: row.status, version: row.version + 1, fields: Object.keys(u) },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * 声明承诺制: the org signs the declaration as it stands — with its platform-custodied key, on an org
   * administrator's re-entered password (`confirmed`), or by sending a signature made offline with its own
   * registered key, which must check against this very document (else 400). A product in review or listed
   * keeps the declaration it was judged on.
   */
  async sign(ctx: RequestContext, id: string, body: SignHow): Promise<Product> {
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await this.lockOwn(tx, ctx, id);
      if (row.status !== 'draft' && row.status !== 'rejected')
        throw IllegalTransition(`a product ${row.status} keeps the declaration it was judged on`);
      const doc = row.declaration as unknown as DeclarationDoc;
      let signature: DeclarationSignatureRow;
      if (body.custody === 'platform') {
        signature = await this.deps.orgKeys.signAsOrg(tx, ctx, row.org_id, doc, body.confirmed);
      } else {
        const r = await this.deps.orgKeys.verifyOrgSignature(
          doc,
          { keyId: body.keyId, signature: body.signature, orgId: row.org_id },
          tx,
        );
        if (!r.valid)
          throw DeclarationSignatureInvalid(
            r.failure === 'org'
              ? `key ${body.keyId} is not a signing key of the seller`
              : `the signature does not check against the declaration ${row.declaration_hash} with key ${body.keyId}`,
            { field: 'signature' },
          );
        if (r.retired)
          throw DeclarationSignatureInvalid(
            `key ${body.keyId} was rotated out: sign with the org’s active key`,
            {
              field: 'keyId',
            },
          );
        signature = {
          keyId: body.keyId,
          algorithm: 'sm2-sm3',
          signature: body.signature,
          signedAt: this.deps.now().toISOString(),
        };
      }
      // the row is locked and the document read under the lock: the signature is over the declaration as it is
      await products.setSignature(tx, id, signature);
      await recordAudit(tx, ctx, {
        action: 'market.product.sign',
        objectType: 'product',
        objectId: id,
        details: { keyId: signature.keyId, custody: body.custody, declarationHash: row.declaration_hash },
      });
    });
    return this.get(ctx, id);
  }

  /** The dry run: every listing check on the product as it stands, for the wizard and the reviewer. */
  async check(ctx: RequestContext, id: string): Promise<ListingCheck> {
    const row = await this.visible(ctx, id);
    if (!(await relationTo(this.deps.db, ctx, row)).any) throw NotFound('product', id);
    return this.deps.db.transaction().execute(async (tx) => {
      const facts = await gatherFacts(this.deps, tx, draftOf(row));
      const items = listingChecklist(facts);
      return {
        passed: items.every((i) => i.passed),
        items,
        certificateNos: certificateNos(facts.resources),
        grade: productGrade(facts.resources),
      };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Product> {
    return (await toProducts(this.deps.db, [await this.visible(ctx, id)], this.deps))[0]!;
  }

  async mine(ctx: RequestContext, q: z.output<typeof MyProductQuery>): Promise<Paged<Product>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const { rows, total } = await products.mine(this.deps.db, org, q.status, q.page, q.pageSize);
    return {
      items: await toProducts(this.deps.db, rows, this.deps),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /** A published product to anyone; others to their seller, the overseers and their boards' reviewers. */
  async visible(ctx: RequestContext, id: string): Promise<ProductRow> {
    const row = await products.find(this.deps.db, id);
    if (row && (row.status === 'published' || (await relationTo(this.deps.db, ctx, row)).any)) return row;
    throw NotFound('product', id);
  }

  /** The product locked, if the caller's org sells it (others' products do not exist for this). */
  async lockOwn(tx: Executor, ctx: RequestContext, id: string): Promise<ProductRow> {
    const row = await products.lock(tx, id);
    if (!row || row.org_id !== requirePrincipal(ctx).orgId) throw NotFound('product', id);
    return row;
  }

  /**
   * What the contracts cannot judge alone: a known sector, known boards, a policy the validator keeps.
   * Returns the policy as it is stored: the seller's offer on this product (assigner and target set here).
   */
  private async checkInput(tx: Executor, b: Body, productId: string, orgId: string) {
    if ((await this.deps.sectors.unknown([b.sector], tx)).length)
      throw SectorUnknown(`no such sector: ${b.sector}`, { field: 'sector' });
    const known = new Set((await boards.byCodes(tx, b.boards)).map((x) => x.code));
    const unknown = b.boards.filter((c) => !known.has(c));
    if (unknown.length) throw BoardUnknown(`no such board: ${unknown.join(', ')}`, { field: 'boards' });
    const checked = checkPolicy(b.policy, { assigner: orgId, target: productId });
    if (!checked.ok) throw PolicyInvalid(`${checked.path}: ${checked.message}`, { field: checked.path });
    return checked.policy;
  }

  /** The stored columns of a product body: declaration (hashed), price, grade and search words. */
  private columns(id: string, orgId: string, userId: string, b: Body, basis: Basis[]) {
    const declaration: DeclarationDoc = {
      v: 1,
      productId: id,
      orgId,
      resourceIds: b.resourceIds,
      commitments: b.commitments,
      statement: b.statement,
      declaredBy: userId,
      declaredAt: this.deps.now().toISOString(),
    };
    const price = storedPrice(b.priceModel, basis);
    return {
      title: b.title,
      summary: b.summary,
      description: b.description,
      sector_code: b.sector,
      region: b.region,
      delivery_modes: b.deliveryModes,
      board_codes: b.boards,
      price_model: JSON.stringify(price),
      price_kind: price?.kind ?? null,
      price_fen: price ? headlineFen(price) : null,
      policy: JSON.stringify(b.policy),
      scenarios: JSON.stringify(b.scenarios),
      seats: b.licence.seats,
      exclusive: b.licence.exclusive,
      declaration: JSON.stringify(declaration),
      declaration_hash: sm3Hex(jcs(declaration)),
      // a changed declaration is a new one: the org signs it anew
      signature: null,
      grade: highestGrade(basis.map((x) => x.row.grade as Grade)),
      search_vector: searchVector([
        b.title,
        b.summary,
        b.description,
        ...b.scenarios.flatMap((s) => [s.title, s.description]),
      ]),
    };
  }

  private async link(tx: Executor, id: string, b: Body, basis: Basis[]) {
    await products.setLinks(
      tx,
      id,
      basis.map((x) => ({ resource_id: x.row.id, basis: x.basis, grant_id: x.grantId })),
      b.boards,
    );
  }

  private statementOf(r: ProductRow) {
    return (r.declaration as unknown as DeclarationDoc).statement;
  }
}

/** The certificates a listing stands on, one per resource, in order. */
export const certificateNos = (resources: { right: { certNo: string | null } }[]) => [
  ...new Set(resources.flatMap((r) => (r.right.certNo ? [r.right.certNo] : []))),
];
