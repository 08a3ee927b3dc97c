import type { AnswerBody, DemandAnswer, Paged } from '@shuliu/contracts';
import type { z } from 'zod';
import { recordAudit } from '../audit/index.js';
import { notifyOrg } from '../identity/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { Forbidden, NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { isUniqueViolation } from '../shared/sql.js';
import {
  AnswerExists,
  AnswerNotOwnProduct,
  AnswerOwnDemand,
  AnswerProductNotListed,
  DemandNotOpen,
} from './demands.errors.js';
import { stateOf, toAnswers } from './demands.mappers.js';
import { demandsRepository as demands } from './demands.repository.js';
import type { DemandsService } from './demands.service.js';
import type { MarketDeps } from './market.support.js';
import { productsRepository as products } from './products.repository.js';

type Body = z.output<typeof AnswerBody>;

/**
 * 应答: a seller answers an open demand with one of its listed products, a message and optionally a price.
 * A simple record for now; the negotiation (issue 17) starts from it.
 */
export class AnswersService {
  constructor(
    private readonly deps: MarketDeps,
    private readonly demandsService: DemandsService,
  ) {}

  async answer(ctx: RequestContext, demandId: string, b: Body): Promise<DemandAnswer> {
    const p = requirePrincipal(ctx);
    if (!p.orgId) throw Forbidden('a demand is answered by an organization');
    const id = newId('dma');
    await this.deps.db.transaction().execute(async (tx) => {
      const d = await demands.find(tx, demandId);
      if (!d) throw NotFound('demand', demandId);
      if (stateOf(d, this.deps.now()) !== 'open')
        throw DemandNotOpen(`the demand is ${stateOf(d, this.deps.now())}`);
      const product = await products.find(tx, b.productId);
      if (!product) throw NotFound('product', b.productId);
      if (product.org_id !== p.orgId) throw AnswerNotOwnProduct(undefined, { field: 'productId' });
      if (product.status !== 'published')
        throw AnswerProductNotListed(`the product is ${product.status}`, { field: 'productId' });
      if (d.org_id === p.orgId) throw AnswerOwnDemand();
      try {
        await demands.insertAnswer(tx, {
          id,
          demand_id: demandId,
          org_id: p.orgId!,
          product_id: b.productId,
          message: b.message,
          price_fen: b.priceFen,
          state: 'open',
          created_by: p.userId,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw AnswerExists();
        throw e;
      }
      await recordAudit(tx, ctx, {
        action: 'market.demand.answer',
        objectType: 'demand_answer',
        objectId: id,
        details: { demandId, productId: b.productId, priceFen: b.priceFen },
      });
      await notifyOrg(tx, d.org_id, ['buyer'], {
        kind: 'market.demand.answered',
        title: '数据需求收到应答',
        body: `${d.title}：${product.title}`,
        params: { demandId, answerId: id, productId: b.productId },
        link: `/market/my/demands?demand=${demandId}`,
      });
    });
    return (await toAnswers(this.deps.db, [(await demands.findAnswer(this.deps.db, id))!]))[0]!;
  }

  /** The answers the caller's org made, newest first. */
  async mine(ctx: RequestContext, q: { page: number; pageSize: number }): Promise<Paged<DemandAnswer>> {
    const org = requirePrincipal(ctx).orgId ?? '-';
    const { rows, total } = await demands.answers(this.deps.db, { orgId: org }, q.page, q.pageSize);
    return { items: await toAnswers(this.deps.db, rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** The answers to one of the caller's org's demands. */
  async ofDemand(ctx: RequestContext, demandId: string): Promise<{ items: DemandAnswer[] }> {
    await this.demandsService.own(ctx, demandId);
    const { rows } = await demands.answers(this.deps.db, { demandId });
    return { items: await toAnswers(this.deps.db, rows) };
  }
}
