import {
  jcs,
  type Contract,
  type ContractBundle,
  type ContractDoc,
  type OrgSignature,
} from '@shuliu/contracts';
import { recordAudit } from '../audit/index.js';
import { sm3Hex } from '../crypto/index.js';
import { notifyOrg, type PasswordConfirmation } from '../identity/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { contractNumber, contractYear, draftDocument } from './contracts.draft.js';
import { contractPdf } from './contracts.pdf.js';
import { contractsRepository as repo, type ContractRow } from './contracts.repository.js';
import { negotiationsRepository as negotiations } from './negotiations.repository.js';
import { ContractOutOfOrder, ContractSignatureInvalid, NotYourMove } from './trade.errors.js';
import { toContract } from './trade.mappers.js';
import { signingStep } from './trade.rules.js';
import type { Executor, TradeDeps } from './trade.support.js';
import type { ContractSignatureRow } from './trade.tables.js';

/** How a party signs: its custodied key on a confirmed password, or a signature made offline with its own key. */
export type ContractSignHow =
  | { custody: 'platform'; confirmed: PasswordConfirmation }
  | { custody: 'org'; keyId: string; signature: string };

const PARTY_ROLES = { buyer: ['org_admin', 'buyer'], seller: ['org_admin', 'merchant'] };

/**
 * 合同示范文本 and their signing: the contract an agreed negotiation drafts (in its transaction), signed by the
 * buyer (the negotiation VERIFIED) and then the seller (FINALIZED, the contract concluded), each with its org
 * key — custodied, on an org administrator's re-entered password, or offline — every signature a
 * `contract.signed` ledger entry and the conclusion a `contract.concluded` one; and the bundle that proves it
 * all offline.
 */
export class ContractsService {
  constructor(private readonly deps: TradeDeps) {}

  /**
   * Drafts the contract of a negotiation just agreed, inside that transaction: numbered HT-<year>-<n> from a
   * counter whose row lock is held to commit, so numbers are unique and a rolled-back agreement leaves no gap.
   */
  async draft(tx: Executor, negotiationId: string): Promise<string> {
    const n = (await negotiations.lock(tx, negotiationId))!;
    const at = this.deps.now();
    const year = contractYear(at);
    const contractNo = contractNumber(year, await repo.nextNumber(tx, year));
    const doc = await draftDocument(tx, n, contractNo, at);
    const canonical = jcs(doc);
    await repo.insert(tx, {
      contract_no: contractNo,
      negotiation_id: n.id,
      template: doc.template,
      seller_org_id: n.seller_org_id,
      buyer_org_id: n.buyer_org_id,
      state: 'drafted',
      document: canonical,
      canonical,
      contract_hash: sm3Hex(canonical),
      drafted_at: at,
    });
    await notifyOrg(tx, n.buyer_org_id, PARTY_ROLES.buyer, {
      kind: 'trade.contract.drafted',
      title: `合同 ${contractNo} 已起草，请签署`,
      body: doc.object.productTitle,
      params: { contractNo, negotiationId },
      link: `/trade/contracts/${contractNo}`,
    });
    return contractNo;
  }

  async get(ctx: RequestContext, contractNo: string): Promise<Contract> {
    return toContract(await this.visible(ctx, contractNo));
  }

  /** The contract printed as a PDF, to the same readers as the contract itself. */
  async pdf(ctx: RequestContext, contractNo: string, opts: { compress?: boolean } = {}): Promise<Buffer> {
    return contractPdf(toContract(await this.visible(ctx, contractNo)), opts);
  }

  /**
   * A party signs: the buyer while the contract is drafted, the seller once the buyer has (409 naming the
   * state otherwise). A signature sent from offline must check against the contract's RFC 8785 form with an
   * active key of the signing org (400 otherwise). Ledger, negotiation, audit and notice in one transaction.
   */
  async sign(ctx: RequestContext, contractNo: string, how: ContractSignHow): Promise<Contract> {
    const p = requirePrincipal(ctx);
    await this.deps.keys.ensureSigningKey();
    await this.deps.db.transaction().execute(async (tx) => {
      const row = await repo.lock(tx, contractNo);
      const party =
        row && (p.orgId === row.buyer_org_id ? 'buyer' : p.orgId === row.seller_org_id ? 'seller' : null);
      if (!row || !party) throw NotFound('contract', contractNo);
      const n = (await negotiations.lock(tx, row.negotiation_id))!;
      const step = signingStep(row.state, n.state, party);
      if (typeof step === 'string')
        throw ContractOutOfOrder(step, { state: n.state, contractState: row.state });
      const doc = JSON.parse(row.canonical) as ContractDoc;
      const sig = await this.signature(tx, ctx, p.orgId!, doc, how, row.contract_hash);
      // the audit head is locked before the ledger's, as everywhere on the platform
      await recordAudit(tx, ctx, {
        action: 'trade.contract.sign',
        objectType: 'contract',
        objectId: contractNo,
        details: {
          party,
          keyId: sig.keyId,
          custody: how.custody,
          contractHash: row.contract_hash,
          concluded: step.concludes,
        },
      });
      const signed = await this.record(
        tx,
        row,
        { party, orgId: p.orgId!, custody: how.custody },
        sig,
        step.concludes,
      );
      const now = this.deps.now();
      await repo.updateAt(tx, contractNo, row.version, {
        state: step.contract,
        signatures: JSON.stringify([...row.signatures, signed]),
        ...(step.concludes && { concluded_ledger_index: signed.ledgerIndex + 1, concluded_at: now }),
      });
      if (!(await negotiations.updateAt(tx, n.id, n.version, { state: step.negotiation, updated_at: now })))
        throw NotYourMove('the negotiation moved meanwhile: reload it');
      await negotiations.appendEvent(tx, {
        negotiation_id: n.id,
        kind: 'sign',
        side: party,
        actor_user_id: p.userId,
        state: step.negotiation,
        terms: null,
        message: `${party === 'buyer' ? '买方' : '卖方'}签署合同 ${contractNo}${step.concludes ? '，合同成立' : ''}`,
      });
      await this.tell(tx, row, party, step.concludes, doc.object.productTitle);
    });
    return this.get(ctx, contractNo);
  }

  /** `contract.signed` in the ledger — with the key, its public half and the signature — and `contract.concluded` after the seller's. */
  private async record(
    tx: Executor,
    row: { contract_no: string; contract_hash: string },
    { party, orgId, custody }: Pick<ContractSignatureRow, 'party' | 'orgId' | 'custody'>,
    sig: OrgSignature,
    concludes: boolean,
  ): Promise<ContractSignatureRow> {
    const publicKey = (await this.deps.orgKeys.list(orgId, tx)).find((k) => k.id === sig.keyId)!.publicKey;
    const base = { objectType: 'contract', objectId: row.contract_no, objectSm3: row.contract_hash };
    const attrs = { contractNo: row.contract_no, contractHash: row.contract_hash };
    const { firstIndex } = await this.deps.ledger.appendIn(tx, [
      {
        ...base,
        type: 'contract.signed',
        attrs: { ...attrs, party, orgId, keyId: sig.keyId, publicKey, signature: sig.signature },
      },
      ...(concludes ? [{ ...base, type: 'contract.concluded' as const, attrs }] : []),
    ]);
    return {
      party,
      orgId,
      keyId: sig.keyId,
      algorithm: 'sm2-sm3',
      signature: sig.signature,
      custody,
      signedAt: sig.signedAt,
      ledgerIndex: firstIndex,
    };
  }

  private tell(
    tx: Executor,
    row: { contract_no: string; buyer_org_id: string; seller_org_id: string },
    party: 'buyer' | 'seller',
    concludes: boolean,
    title: string,
  ) {
    const other = party === 'buyer' ? 'seller' : 'buyer';
    const no = row.contract_no;
    return notifyOrg(tx, other === 'buyer' ? row.buyer_org_id : row.seller_org_id, PARTY_ROLES[other], {
      kind: concludes ? 'trade.contract.concluded' : 'trade.contract.signed',
      title: concludes ? `合同 ${no} 已成立` : `合同 ${no}：买方已签署，请签署`,
      body: title,
      params: { contractNo: no },
      link: `/trade/contracts/${no}`,
    });
  }

  /** The bundle `shuliu verify-contract` checks offline: the i-th inclusion proof proves the i-th entry. */
  async bundle(ctx: RequestContext, contractNo: string): Promise<ContractBundle> {
    const row = await this.visible(ctx, contractNo);
    const indexes = [
      ...row.signatures.map((s) => s.ledgerIndex),
      ...(row.concluded_ledger_index === null ? [] : [Number(row.concluded_ledger_index)]),
    ];
    const checkpoint = await this.deps.ledger.checkpoint();
    const [entries, proofs, keys] = await Promise.all([
      Promise.all(indexes.map((i) => this.deps.ledger.entry(i))),
      Promise.all(indexes.map((i) => this.deps.ledger.inclusionProof(i, checkpoint.treeSize))),
      Promise.all(row.signatures.map((s) => this.deps.orgKeys.list(s.orgId))),
    ]);
    return {
      contract: JSON.parse(row.canonical) as Record<string, unknown>,
      signatures: row.signatures.map((s, i) => ({
        party: s.party,
        keyId: s.keyId,
        publicKey: keys[i]!.find((k) => k.id === s.keyId)!.publicKey,
        signature: s.signature,
      })),
      ledgerEntries: entries.map((e) => e.entry),
      inclusionProofs: proofs,
      checkpoint,
    };
  }

  /** The signature of the party's org: made here with its custodied key, or sent and checked. */
  private async signature(
    tx: Executor,
    ctx: RequestContext,
    orgId: string,
    doc: ContractDoc,
    how: ContractSignHow,
    hash: string,
  ): Promise<OrgSignature> {
    if (how.custody === 'platform') return this.deps.orgKeys.signAsOrg(tx, ctx, orgId, doc, how.confirmed);
    const r = await this.deps.orgKeys
      .verifyOrgSignature(doc, { keyId: how.keyId, signature: how.signature, orgId }, tx)
      .catch(() => ({ valid: false, failure: 'org' as const, retired: false }));
    if (!r.valid)
      throw ContractSignatureInvalid(
        r.failure === 'org'
          ? `key ${how.keyId} is not a signing key of your organization`
          : `the signature does not check against contract ${doc.contractNo} (SM3 ${hash}) with key ${how.keyId}`,
        { field: 'signature' },
      );
    if (r.retired)
      throw ContractSignatureInvalid(`key ${how.keyId} was rotated out: sign with the org’s active key`, {
        field: 'keyId',
      });
    return {
      keyId: how.keyId,
      algorithm: 'sm2-sm3',
      signature: how.signature,
      signedAt: this.deps.now().toISOString(),
    };
  }

  /** The contract, to its parties' members and the platform's overseers; 404 to anyone else. */
  private async visible(ctx: RequestContext, contractNo: string): Promise<ContractRow> {
    const row = await repo.find(this.deps.db, contractNo);
    const org = ctx.principal?.orgId;
    const party = !!org && (org === row?.buyer_org_id || org === row?.seller_org_id);
    if (!row || !(party || hasRole(ctx, 'operator', 'regulator'))) throw NotFound('contract', contractNo);
    return row;
  }
}
