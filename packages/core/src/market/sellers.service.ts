import type { SellerProfile } from '@shuliu/contracts';
import { orgById } from '../identity/index.js';
import { NotFound } from '../shared/errors.js';
import { iso } from '../shared/iso.js';
import { boardsRepository as boards } from './boards.repository.js';
import type { MarketDeps } from './market.support.js';
import { productsRepository as products } from './products.repository.js';

/**
 * 数据商主页: a seller as the marketplace shows it to anyone — its registration facts (public in the business
 * register) and its record here. Only an active org that has listed is shown; others do not exist for this.
 */
export class SellersService {
  constructor(private readonly deps: Pick<MarketDeps, 'db' | 'orgKeys'>) {}

  async profile(orgId: string): Promise<SellerProfile> {
    const db = this.deps.db;
    const org = await orgById(db, orgId);
    const { rows, firstListedAt } = await products.sellerRecord(db, orgId);
    if (!org || org.status !== 'active' || !firstListedAt) throw NotFound('seller', orgId);
    const count = new Map<string, number>();
    for (const r of rows) for (const b of r.board_codes) count.set(b, (count.get(b) ?? 0) + 1);
    const names = new Map((await boards.byCodes(db, [...count.keys()])).map((b) => [b.code, b.name]));
    const keys = await this.deps.orgKeys.list(orgId);
    return {
      id: org.id,
      name: org.name,
      nameEn: org.name_en,
      uscc: org.uscc,
      region: org.region,
      types: org.types,
      merchantKinds: org.merchant_kinds,
      memberSince: iso(org.created_at)!,
      listed: rows.length,
      boards: [...count].map(([code, n]) => ({ code, name: names.get(code) ?? code, count: n })),
      certificateNos: [...new Set(rows.flatMap((r) => r.certificate_nos))].sort(),
      signingKeys: keys.filter((k) => !k.retiredAt).length,
      firstListedAt: iso(firstListedAt),
    };
  }
}
