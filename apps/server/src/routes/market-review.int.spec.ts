import type {
  Board,
  LedgerEntryReply,
  ListingReview,
  Me,
  Notification,
  Paged,
  Product,
  ProductSearchReply,
  SellerProfile,
} from '@shuliu/contracts';
import { registry } from '@shuliu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing.js';
import { checklist, marketClient, productBody, type Err } from './market.fixtures.js';

// 合规审查, 挂牌 in the ledger, the public marketplace, boards and their reviewers, delisting and suspension.
let t: TestServer;
let m: ReturnType<typeof marketClient>;
let base: { resource: string; certId: string; certNo: string };
let merchantOrg: string;

beforeAll(async () => {
  t = await startTestServer();
  m = marketClient(t);
  base = await m.listable('merchant', '区域企业经营数据');
  merchantOrg = await m.registry.orgOf('merchant');
});
afterAll(() => t.close());

const product = (id: string, as?: string) => m.ok<Product>('GET', `/api/market/products/${id}`, as);
const search = (query: string) => m.ok<ProductSearchReply>('GET', `/api/market/products?${query}`);
const entry = (index: number) => m.ok<LedgerEntryReply>('GET', `/api/ledger/entries/${index}`);
const userId = async (as: string) => (await m.ok<Me>('GET', '/api/me', as)).user.id;
const inDays = (n: number) => registry.shanghaiDay(new Date(Date.now() + n * 86_400_000));

describe('publication (挂牌) after compliance review', () => {
  it('lists the approved product for anonymous visitors, attested by a listing.published ledger entry', async () => {
    const p = await m.listed('merchant', productBody([base.resource], { title: '海洋港航景气指数' }));
    expect(p).toMatchObject({ status: 'published', certificateNos: [base.certNo], version: 3 });
    expect(p.listing).toEqual({
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      ledgerIndex: expect.any(Number),
    });
    const shown = await product(p.id);
    expect(shown).toMatchObject({
      id: p.id,
      certificateNos: [base.certNo],
      boards: [{ code: 'finance', name: '金融' }],
      priceModel: { kind: 'fixed', amountFen: 500_00 },
      policy: expect.objectContaining({ '@type': 'Offer' }),
      orgName: expect.any(String),
    });
    const e = await entry(p.listing!.ledgerIndex!);
    expect(JSON.parse(e.entry)).toMatchObject({
      type: 'listing.published',
      objectType: 'product',
      objectId: p.id,
      objectSm3: p.listing!.hash,
      attrs: { certNos: [base.certNo], declarationHash: p.declaration.hash },
    });
    const found = await search('q=港航景气');
    expect(found.items.map((x) => x.id)).toContain(p.id);
    expect(found.items[0]).toHaveProperty('certificateNos');
    const reviews = await m.ok<{ items: ListingReview[] }>(
      'GET',
      `/api/market/products/${p.id}/reviews`,
      'merchant',
    );
    expect(reviews.items).toEqual([
      expect.objectContaining({ decision: 'approve', productVersion: 2, reviewerName: expect.any(String) }),
    ]);
  });

  it('wants a reason for every rejection, every item passed for an approval, the version reviewed', async () => {
    const p = await m.draft('merchant', productBody([base.resource], { title: '待审产品' }));
    const s = await m.submit(p.id);
    const decide = (body: Record<string, unknown>) =>
      m.call<Err>('POST', `/api/market/products/${p.id}/review`, 'operator', {
        version: s.version,
        checklist: checklist(),
        ...body,
      });
    const code = async (body: Record<string, unknown>) => (await decide(body)).body.error.code;
    expect(await code({ decision: 'reject' })).toBe('MARKET_REJECTION_REASON_REQUIRED');
    expect(
      await code({
        decision: 'reject',
        reason: '场景描述不清',
        checklist: { ...checklist(), scenarios: { passed: false } },
      }),
    ).toBe('MARKET_REJECTION_REASON_REQUIRED');
    expect(await code({ decision: 'approve', checklist: checklist(['declarations']) })).toBe(
      'MARKET_CHECKLIST_FAILED',
    );
    expect(await code({ decision: 'approve', version: s.version - 1 })).toBe('MARKET_VERSION_CONFLICT');
    expect((await decide({ decision: 'approve', checklist: { scenarios: { passed: true } } })).status).toBe(
      400,
    );
    // the seller decides nothing about its own product
    expect((await m.call('POST', `/api/market/products/${p.id}/review`, 'merchant', {})).status).toBe(403);

    const rejected = await decide({
      decision: 'reject',
      reason: '应用场景描述过于笼统',
      checklist: checklist(['scenarios']),
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: '应用场景描述过于笼统' });
    // resubmission after correction: the rejected product is edited back into a draft and submitted again
    const fixed = await m.ok<Product>('PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
      version: (rejected.body as unknown as Product).version,
      scenarios: [{ title: '小微企业授信', description: '授信前按行业、区域研判经营景气，辅助额度核定' }],
    });
    expect(fixed).toMatchObject({ status: 'draft', rejectionReason: '应用场景描述过于笼统' });
    expect(await m.submit(p.id)).toMatchObject({ status: 'in_review', rejectionReason: null });
    expect((await m.decide(p.id, 'operator', 'approve')).body).toMatchObject({ status: 'published' });
    const reviews = await m.ok<{ items: ListingReview[] }>(
      'GET',
      `/api/market/products/${p.id}/reviews`,
      'merchant',
    );
    expect(reviews.items.map((r) => r.decision)).toEqual(['reject', 'approve']);
  });

  it('lets two reviewers deciding at once produce exactly one decision', async () => {
    const p = await m.draft('merchant', productBody([base.resource], { title: '并发审查产品' }));
    const s = await m.submit(p.id);
    const body = (decision: string) => ({
      decision,
      version: s.version,
      checklist: checklist(),
      ...(decision === 'reject' && { reason: '并发驳回' }),
    });
    await Promise.all([m.call('GET', '/api/me', 'operator'), m.call('GET', '/api/me', 'reviewer')]);
    const answers = await Promise.all([
      m.call<Err>('POST', `/api/market/products/${p.id}/review`, 'operator', body('approve')),
      m.call<Err>('POST', `/api/market/products/${p.id}/review`, 'reviewer', body('reject')),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toMatch(
      /MARKET_ILLEGAL_TRANSITION|MARKET_VERSION_CONFLICT/,
    );
    const reviews = await m.ok<{ items: ListingReview[] }>(
      'GET',
      `/api/market/products/${p.id}/reviews`,
      'operator',
    );
    expect(reviews.items).toHaveLength(1);
    const final = await product(p.id, 'merchant');
    expect(final.status).toBe(reviews.items[0]!.decision === 'approve' ? 'published' : 'rejected');
  });
});

describe('industry boards (行业板块) and their reviewers', () => {
  it('lets the operator create and edit boards, shown to anyone (reviewers to the operator only)', async () => {
    const created = await m.ok<Board>('POST', '/api/market/boards', 'operator', {
      code: 'agriculture',
      name: '农业农村',
      rules: { deliveryModes: ['report', 'compute'], sectors: ['agriculture'] },
    });
    expect(created).toMatchObject({ code: 'agriculture', productCount: 0, reviewers: [] });
    expect(
      await m.refused(409, 'POST', '/api/market/boards', 'operator', { code: 'agriculture', name: '重复' }),
    ).toBe('MARKET_BOARD_EXISTS');
    expect(
      await m.refused(400, 'PATCH', '/api/market/boards/agriculture', 'operator', {
        rules: { sectors: ['no_such'] },
      }),
    ).toBe('MARKET_SECTOR_UNKNOWN');
    const edited = await m.ok<Board>('PATCH', '/api/market/boards/agriculture', 'operator', {
      nameEn: 'Agri',
    });
    expect(edited).toMatchObject({ nameEn: 'Agri', rules: { sectors: ['agriculture'] } });
    const all = await m.ok<{ items: Board[] }>('GET', '/api/market/boards');
    expect(all.items.map((b) => b.code)).toEqual(
      expect.arrayContaining(['ocean', 'health', 'transport', 'finance', 'government', 'agriculture']),
    );
    expect(all.items.find((b) => b.code === 'health')!.rules).toEqual({ computeOnlySectors: ['health'] });
    expect(await m.refused(403, 'POST', '/api/market/boards', 'merchant', { code: 'x1', name: 'x' })).toBe(
      'FORBIDDEN',
    );
  });

  it('assigns a certifier’s reviewer, who reviews the products of that board only', async () => {
    const certifier = await userId('certifier');
    expect(
      await m.refused(400, 'PUT', '/api/market/boards/transport/reviewers', 'operator', {
        userIds: [await userId('merchant')],
      }),
    ).toBe('MARKET_REVIEWER_INVALID');
    const board = await m.ok<Board>('PUT', '/api/market/boards/transport/reviewers', 'operator', {
      userIds: [certifier],
    });
    expect(board.reviewers).toEqual([
      expect.objectContaining({ userId: certifier, orgName: expect.any(String) }),
    ]);
    const onTransport = await m.draft(
      'merchant',
      productBody([base.resource], { title: '物流园区景气', boards: ['transport'] }),
    );
    await m.submit(onTransport.id);
    const onOcean = await m.draft(
      'merchant',
      productBody([base.resource], { title: '港口景气', boards: ['ocean'] }),
    );
    await m.submit(onOcean.id);
    const queue = await m.ok<Paged<Product>>('GET', '/api/market/reviews', 'certifier');
    expect(queue.items.map((p) => p.id)).toEqual([onTransport.id]);
    expect(
      (await m.ok<Paged<Product>>('GET', '/api/market/reviews', 'operator')).items.map((p) => p.id),
    ).toEqual(expect.arrayContaining([onTransport.id, onOcean.id]));
    expect((await m.decide(onOcean.id, 'operator', 'approve')).status).toBe(200);
    const other = await m.draft(
      'merchant',
      productBody([base.resource], { title: '海洋牧场', boards: ['ocean'] }),
    );
    const s = await m.submit(other.id);
    const r = await m.call<Err>('POST', `/api/market/products/${other.id}/review`, 'certifier', {
      decision: 'approve',
      version: s.version,
      checklist: checklist(),
    });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('MARKET_NOT_A_REVIEWER');
    expect((await m.decide(onTransport.id, 'certifier', 'approve')).body).toMatchObject({
      status: 'published',
    });
  });
});

describe('the public marketplace', () => {
  it('shows published listings only, with Chinese full text, facets that ignore their own filter, and sorting', async () => {
    const a = await m.listed(
      'merchant',
      productBody([base.resource], {
        title: '鲁中制造业用电景气',
        deliveryModes: ['compute'],
        priceModel: { kind: 'per_call', unitFen: 30 },
        boards: ['finance', 'transport'],
      }),
    );
    const b = await m.listed(
      'merchant',
      productBody([base.resource], {
        title: '鲁中制造业订单景气',
        priceModel: { kind: 'subscription', period: 'yearly', amountFen: 90_000_00 },
      }),
    );
    const hidden = await m.draft('merchant', productBody([base.resource], { title: '鲁中制造业草稿' }));
    const all = await search('q=鲁中制造业');
    expect(all.items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect(all.items.map((x) => x.id)).not.toContain(hidden.id);
    expect(all.total).toBe(2);
    const compute = await search('q=鲁中制造业&deliveryMode=compute');
    expect(compute.items.map((x) => x.id)).toEqual([a.id]);
    // the delivery-mode facet still counts the report product (a choice can be widened), the others narrow
    expect(compute.facets.deliveryMode).toEqual(
      expect.arrayContaining([
        { value: 'compute', label: null, count: 1 },
        { value: 'report', label: null, count: 1 },
      ]),
    );
    expect(compute.facets.priceModel).toEqual([{ value: 'per_call', label: null, count: 1 }]);
    expect(compute.facets.board).toEqual(
      expect.arrayContaining([{ value: 'transport', label: '交通', count: 1 }]),
    );
    const byPrice = await search('q=鲁中制造业&sort=price_desc');
    expect(byPrice.items.map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await search('board=transport&priceModel=per_call')).items.map((x) => x.id)).toEqual([a.id]);
    expect((await search('region=370000&q=鲁中制造业')).total).toBe(2);
    expect((await search('region=110000&q=鲁中制造业')).total).toBe(0);
    expect((await m.call('GET', '/api/market/products?pageSize=201')).status).toBe(400);
    expect((await m.call('GET', '/api/market/products?sort=cheapest')).status).toBe(400);
  });

  it('shows a seller’s public profile: registration facts, boards, certificates; nobody else’s', async () => {
    const profile = await m.ok<SellerProfile>('GET', `/api/market/sellers/${merchantOrg}`);
    expect(profile).toMatchObject({
      id: merchantOrg,
      uscc: expect.stringMatching(/^[0-9A-Z]{18}$/),
      listed: expect.any(Number),
      certificateNos: expect.arrayContaining([base.certNo]),
      signingKeys: 1,
    });
    expect(profile.listed).toBeGreaterThan(0);
    expect(profile.boards).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'finance', name: '金融' })]),
    );
    // an org that never listed, and one that does not exist, are no sellers
    const buyerOrg = await m.registry.orgOf('huanghe');
    expect(await m.refused(404, 'GET', `/api/market/sellers/${buyerOrg}`)).toBe('NOT_FOUND');
    expect(await m.refused(404, 'GET', `/api/market/sellers/org_${'0'.repeat(26)}`)).toBe('NOT_FOUND');
    expect(await m.refused(400, 'GET', '/api/market/sellers/nobody')).toBe('VALIDATION_FAILED');
  });
});

describe('delisting (下架) and suspension (暂停)', () => {
  it('records the seller’s withdrawal and the operator’s forced delisting as listing.withdrawn', async () => {
    const mine = await m.listed('merchant', productBody([base.resource], { title: '卖方下架产品' }));
    const w = await m.ok<Product>('POST', `/api/market/my/products/${mine.id}/withdraw`, 'merchant', {
      reason: '产品迭代',
    });
    expect(w).toMatchObject({ status: 'withdrawn', withdrawalReason: '产品迭代' });
    expect(await m.refused(404, 'GET', `/api/market/products/${mine.id}`)).toBe('NOT_FOUND');
    const forced = await m.listed('merchant', productBody([base.resource], { title: '强制下架产品' }));
    expect(await m.refused(400, 'POST', `/api/market/products/${forced.id}/delist`, 'operator', {})).toBe(
      'VALIDATION_FAILED',
    );
    const d = await m.ok<Product>('POST', `/api/market/products/${forced.id}/delist`, 'operator', {
      reason: '经举报核实存在违规',
    });
    expect(d.status).toBe('withdrawn');
    const entries = await m.ok<Paged<LedgerEntryReply>>('GET', '/api/ledger/entries?type=listing.withdrawn');
    expect(entries.items.map((e) => (JSON.parse(e.entry) as { objectId: string }).objectId)).toEqual(
      expect.arrayContaining([mine.id, forced.id]),
    );
    const told = await m.ok<Paged<Notification>>('GET', '/api/notifications', 'merchant');
    expect(told.items.some((n) => n.kind === 'market.product.delisted')).toBe(true);
  });

  it('suspends, as the entry is added, every listing a new negative-list entry reaches, and only those', async () => {
    const hit = await m.listed('merchant', productBody([base.resource], { title: '境外博彩赔率数据' }));
    const byResource = await m.listable('merchant', '被通报的数据资源');
    const onResource = await m.listed(
      'merchant',
      productBody([byResource.resource], { title: '通报资源产品' }),
    );
    const spared = await m.listed('merchant', productBody([base.resource], { title: '港口吞吐量月报' }));
    const power = await m.listed(
      'merchant',
      productBody([base.resource], { title: '园区用电负荷数据', sector: 'energy.power' }),
    );
    await m.ok('POST', '/api/market/negative-list', 'operator', {
      kind: 'keyword',
      value: '博彩',
      reason: '涉赌数据禁止交易',
    });
    await m.ok('POST', '/api/market/negative-list', 'operator', {
      kind: 'resource',
      value: byResource.resource,
      reason: '来源不明，监管通报',
    });
    expect(await product(hit.id, 'merchant')).toMatchObject({
      status: 'suspended',
      suspensionReason: expect.stringContaining('列入交易负面清单（关键词“博彩”）：涉赌数据禁止交易'),
    });
    expect((await product(onResource.id, 'merchant')).status).toBe('suspended');
    // a sector reaches the sectors below it
    expect((await product(power.id)).status).toBe('published');
    await m.ok('POST', '/api/market/negative-list', 'operator', {
      kind: 'sector',
      value: 'energy',
      reason: '能源数据专项整治',
    });
    expect((await product(power.id, 'merchant')).suspensionReason).toContain('行业“energy”');
    expect((await product(spared.id)).status).toBe('published');
    expect(await m.refused(404, 'GET', `/api/market/products/${hit.id}`)).toBe('NOT_FOUND');
    const told = await m.ok<Paged<Notification>>('GET', '/api/notifications', 'merchant');
    expect(
      told.items.some((n) => n.kind === 'market.product.suspended' && n.body.includes('境外博彩赔率数据')),
    ).toBe(true);
  });

  it('suspends the listings of a certificate as it is frozen, and the sweep those whose certificate was cancelled', async () => {
    const x = await m.listable('merchant', '即将冻结证书的数据');
    const p = await m.listed('merchant', productBody([x.resource], { title: '证书将被冻结的产品' }));
    await m.ok('POST', `/api/registry/certificates/${x.certId}/freeze`, 'regulator', {
      reason: '涉嫌数据来源违规',
    });
    const s = await product(p.id, 'merchant');
    expect(s.status).toBe('suspended');
    expect(s.suspensionReason).toContain(x.certNo);
    expect(await m.refused(404, 'GET', `/api/market/products/${p.id}`)).toBe('NOT_FOUND');
    const told = await m.ok<Paged<Notification>>('GET', '/api/notifications', 'merchant');
    expect(told.items.some((n) => n.kind === 'market.product.suspended')).toBe(true);
    expect(await t.services.market.suspensions.sweep()).not.toContain(p.id);

    const y = await m.listable('merchant', '即将注销证书的数据');
    const q = await m.listed('merchant', productBody([y.resource], { title: '证书将被注销的产品' }));
    await m.registry.deal('merchant', { type: 'cancel', certificateId: y.certId, reason: '业务终止' });
    expect((await product(q.id)).status).toBe('published');
    expect(await t.services.market.suspensions.sweep()).toEqual([q.id]);
    expect((await product(q.id, 'merchant')).suspensionReason).toContain('已注销');
    // the seller corrects it into a draft; it lists again only through review
    const draft = await m.ok<Product>('PATCH', `/api/market/my/products/${q.id}`, 'merchant', {
      version: (await product(q.id, 'merchant')).version,
      resourceIds: [base.resource],
    });
    expect(draft.status).toBe('draft');
  });
});

describe('government-guided price (公共数据有偿使用) under an authorized operation', () => {
  it('shows and enforces the authority’s cap, and suspends the listing when the operation ends', async () => {
    const pub = await m.listable('authority', '济南市公交客流统计', {
      subjectType: 'public',
      sectorCode: 'transport.road',
    });
    await m.registry.deal(
      'authority',
      {
        type: 'license',
        certificateId: pub.certId,
        licenseeOrgId: merchantOrg,
        rights: ['operating'],
        scope: '公共数据授权运营',
        validFrom: inDays(0),
        validUntil: inDays(300),
      },
      'license_agreement',
    );
    const grant = await m.ok<{ id: string }>('POST', '/api/consent/operation-grants', 'authority', {
      operatorOrgId: merchantOrg,
      scope: 'comprehensive',
      maxGrade: 'general_4',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 200 * 86_400_000).toISOString(),
      priceGuidanceFen: 800,
    });
    const body = productBody([pub.resource], {
      title: '公交客流分析服务',
      sector: 'transport.road',
      boards: ['government'],
      deliveryModes: ['compute'],
      priceModel: { kind: 'government_guided', basis: 'per_call', amountFen: 900 },
    });
    const p = await m.draft('merchant', body);
    expect(p.resources).toEqual([expect.objectContaining({ id: pub.resource, basis: 'operation' })]);
    expect(p.priceModel).toEqual({
      kind: 'government_guided',
      basis: 'per_call',
      amountFen: 900,
      capFen: 800,
      operationGrantIds: [grant.id],
    });
    expect(await m.refused(409, 'POST', `/api/market/my/products/${p.id}/submit`, 'merchant')).toBe(
      'MARKET_PRICE_ABOVE_CAP',
    );
    const free = await m.ok<Product>('PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
      version: p.version,
      priceModel: { kind: 'per_call', unitFen: 1 },
    });
    await m.sign(free.id, 'merchant');
    expect(await m.refused(409, 'POST', `/api/market/my/products/${p.id}/submit`, 'merchant')).toBe(
      'MARKET_PRICE_NOT_GUIDED',
    );
    await m.ok('PATCH', `/api/market/my/products/${p.id}`, 'merchant', {
      version: free.version,
      priceModel: { kind: 'government_guided', basis: 'per_call', amountFen: 800 },
    });
    await m.submit(p.id);
    expect((await m.decide(p.id, 'operator', 'approve')).status).toBe(200);
    expect((await product(p.id)).priceModel).toMatchObject({ kind: 'government_guided', capFen: 800 });

    await m.ok('POST', `/api/consent/operation-grants/${grant.id}/revoke`, 'authority', {
      reason: '运营评估不合格',
    });
    expect(await t.services.market.suspensions.sweep()).toContain(p.id);
    expect((await product(p.id, 'merchant')).suspensionReason).toContain('授权运营已终止');
  });
});

describe('the negative list is the operator’s, read by the regulator', () => {
  it('keeps removed entries as history and refuses values that name nothing', async () => {
    const e = await m.ok<{ id: string; label: string | null }>(
      'POST',
      '/api/market/negative-list',
      'operator',
      {
        kind: 'sector',
        value: 'health.medical',
        reason: '医疗数据专项整治期间暂停挂牌',
      },
    );
    expect(e.label).toBe('医疗服务');
    expect(
      await m.refused(409, 'POST', '/api/market/negative-list', 'operator', {
        kind: 'sector',
        value: 'health.medical',
        reason: '重复',
      }),
    ).toBe('MARKET_NEGATIVE_ENTRY_EXISTS');
    for (const [kind, value] of [
      ['keyword', '卡'],
      ['sector', 'nope'],
      ['org', `org_${'0'.repeat(26)}`],
      ['resource', 'res_x'],
    ])
      expect(
        await m.refused(400, 'POST', '/api/market/negative-list', 'operator', { kind, value, reason: 'x' }),
        `${kind} ${value}`,
      ).toBe('MARKET_NEGATIVE_VALUE_INVALID');
    const list = await m.ok<Paged<{ id: string }>>('GET', '/api/market/negative-list', 'regulator');
    expect(list.items.map((x) => x.id)).toContain(e.id);
    await m.ok('POST', `/api/market/negative-list/${e.id}/remove`, 'operator', { reason: '专项整治结束' });
    const removed = await m.ok<Paged<{ id: string; removeReason: string }>>(
      'GET',
      '/api/market/negative-list?removed=true',
      'regulator',
    );
    expect(removed.items).toEqual([expect.objectContaining({ id: e.id, removeReason: '专项整治结束' })]);
  });
});

describe('the 64th board', () => {
  it('is refused by name, with nothing stored: a listing holds its boards as the bits of one bigint', async () => {
    const db = t.services.db;
    const { n } = await db
      .selectFrom('market_boards')
      .select((e) => e.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    for (let i = Number(n); i < 63; i++)
      await m.ok('POST', '/api/market/boards', 'operator', { code: `filler${i}`, name: `板块${i}` });
    expect(
      await m.refused(409, 'POST', '/api/market/boards', 'operator', { code: 'one_more', name: '再一个' }),
    ).toBe('MARKET_BOARDS_FULL');
    const all = await m.ok<{ items: Board[] }>('GET', '/api/market/boards');
    expect(all.items).toHaveLength(63);
    expect(all.items.some((b) => b.code === 'one_more')).toBe(false);
  });
});
