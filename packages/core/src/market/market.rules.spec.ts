import { Commitments, type RegistryRightCheckReply } from '@shuliu/contracts';
import { describe, expect, it } from 'vitest';
import {
  boardRule,
  certificateRule,
  checkPolicy,
  declarationsRule,
  gradeRule,
  guidedCap,
  listingChecklist,
  negativeListRule,
  priceRule,
  productGrade,
  resourcesRule,
  scenariosRule,
  type ListingFacts,
  type ProductFacts,
  type ResourceFacts,
} from './market.rules.js';

const right = (over: Partial<RegistryRightCheckReply> = {}): RegistryRightCheckReply => ({
  ok: true,
  via: 'holder',
  certNo: 'SD-DR-2026-000001',
  problem: null,
  disputed: false,
  ...over,
});
const resource = (over: Partial<ResourceFacts> = {}): ResourceFacts => ({
  id: 'res_1',
  title: '港口吞吐量',
  status: 'published',
  grade: 'general_2',
  sectorPath: ['transport.waterway', 'transport'],
  rawPersonalInfo: null,
  right: right(),
  operation: null,
  ...over,
});
const ALL = Commitments.parse({
  sourceLawful: true,
  authorizationHeld: true,
  personalInfoProtected: true,
  noDispute: true,
  notOnNegativeList: true,
});
const product = (over: Partial<ProductFacts> = {}): ProductFacts => ({
  orgId: 'org_seller',
  title: '港口吞吐量月报',
  summary: '山东沿海港口吞吐量',
  description: '按月统计的港口货物与集装箱吞吐量',
  sectorPath: ['transport.waterway', 'transport'],
  deliveryModes: ['report'],
  priceModel: { kind: 'fixed', amountFen: 100_00 },
  scenarios: [{ title: '航运研究', description: '港航景气度分析' }],
  commitments: ALL,
  signature: 'valid',
  ...over,
});
const facts = (over: Partial<ListingFacts> = {}): ListingFacts => ({
  product: product(),
  resources: [resource()],
  negative: [],
  boards: [{ code: 'ocean', name: '海洋', rules: {} }],
  ...over,
});

describe('the listing checklist (挂牌条件)', () => {
  it('passes a product that meets every rule, item by item in order', () => {
    const items = listingChecklist(facts());
    expect(items.map((i) => i.key)).toEqual([
      'resources',
      'certificate',
      'declarations',
      'negativeList',
      'scenarios',
      'priceModel',
      'grade',
      'boardRules',
    ]);
    expect(items.every((i) => i.passed && i.code === null && i.rule)).toBe(true);
  });

  it('names the rule of each failed item', () => {
    const items = listingChecklist(facts({ product: product({ scenarios: [], priceModel: null }) }));
    expect(items.filter((i) => !i.passed).map((i) => i.code)).toEqual([
      'MARKET_SCENARIO_REQUIRED',
      'MARKET_PRICE_MODEL_REQUIRED',
    ]);
  });
});

describe('resources: published catalogue resources', () => {
  it('refuses a draft or retired resource', () => {
    expect(resourcesRule([resource()])).toBeNull();
    expect(resourcesRule([resource({ status: 'retired' })])?.code).toBe('MARKET_RESOURCE_NOT_LISTABLE');
    expect(resourcesRule([resource({ status: 'draft' })])?.message).toMatch(/draft/);
  });
});

describe('数据产品经营权 certificate (数据二十条)', () => {
  it('takes a certificate held or licensed, and a pledged one (a pledge blocks transfer, not use)', () => {
    expect(certificateRule([resource()])).toBeNull();
    expect(certificateRule([resource({ right: right({ via: 'license' }) })])).toBeNull();
    expect(certificateRule([resource({ right: right({ ok: false, problem: 'pledged' }) })])).toBeNull();
  });

  it('refuses a resource no certificate covers', () => {
    const none = right({ ok: false, via: null, certNo: null, problem: 'none' });
    expect(certificateRule([resource(), resource({ title: '渔船', right: none })])?.code).toBe(
      'MARKET_CERTIFICATE_MISSING',
    );
  });

  it('refuses a frozen, cancelled or expired certificate, and a licence out of its term', () => {
    for (const problem of ['frozen', 'cancelled', 'expired', 'license_out_of_term'] as const) {
      const e = certificateRule([resource({ right: right({ ok: false, problem }) })]);
      expect(e?.code).toBe('MARKET_CERTIFICATE_NOT_IN_FORCE');
      expect(e?.message).toContain(problem);
    }
  });

  it('refuses a certificate under an objection registration (异议登记)', () => {
    expect(certificateRule([resource({ right: right({ disputed: true }) })])?.code).toBe(
      'MARKET_CERTIFICATE_DISPUTED',
    );
  });
});

describe('声明承诺制', () => {
  it('needs every commitment affirmed, and names the missing ones', () => {
    expect(declarationsRule(ALL, 'valid')).toBeNull();
    const e = declarationsRule({ ...ALL, noDispute: false, sourceLawful: false }, 'valid');
    expect(e?.code).toBe('MARKET_DECLARATION_MISSING');
    expect(e?.message).toContain('sourceLawful, noDispute');
  });

  it('needs the declaration signed by the org, with a signature that checks against it', () => {
    expect(declarationsRule(ALL, 'missing')?.code).toBe('MARKET_DECLARATION_UNSIGNED');
    const forged = declarationsRule(ALL, 'invalid');
    expect(forged?.code).toBe('MARKET_DECLARATION_UNSIGNED');
    expect(forged?.message).toContain('does not check');
  });
});

describe('交易负面清单', () => {
  const on = (kind: 'sector' | 'keyword' | 'org' | 'resource', value: string) =>
    negativeListRule(product(), [resource()], [{ kind, value, reason: '监管通报' }]);

  it('catches the org, a resource, a sector above the product’s or a resource’s, a keyword in the text', () => {
    expect(on('org', 'org_seller')?.code).toBe('MARKET_NEGATIVE_LIST');
    expect(on('resource', 'res_1')?.code).toBe('MARKET_NEGATIVE_LIST');
    expect(on('sector', 'transport')?.code).toBe('MARKET_NEGATIVE_LIST');
    expect(on('keyword', '集装箱')?.message).toContain('集装箱');
    expect(on('keyword', 'PORT')).toBeNull();
    expect(
      negativeListRule(
        product({ title: 'Port data' }),
        [],
        [{ kind: 'keyword', value: 'PORT', reason: 'x' }],
      ),
    ).not.toBeNull();
  });

  it('lets pass what is not on it', () => {
    expect(on('org', 'org_other')).toBeNull();
    expect(on('resource', 'res_2')).toBeNull();
    expect(on('sector', 'health')).toBeNull();
    expect(on('keyword', '身份证')).toBeNull();
  });
});

describe('无场景不交易', () => {
  it('needs at least one application scenario', () => {
    expect(scenariosRule([])?.code).toBe('MARKET_SCENARIO_REQUIRED');
    expect(scenariosRule([{ title: 'a', description: 'b' }])).toBeNull();
  });
});

describe('price models (公共数据有偿使用)', () => {
  const operated = (capFen: number, id = 'res_p') =>
    resource({ id, title: `公共数据${id}`, operation: { grantId: `aog_${id}`, capFen } });

  it('needs a price model', () => {
    expect(priceRule(null, [resource()])?.code).toBe('MARKET_PRICE_MODEL_REQUIRED');
    expect(priceRule({ kind: 'per_call', unitFen: 5 }, [resource()])).toBeNull();
  });

  it('prices public data under an authorized operation by the guidance, at most its cap (the lowest of its grants)', () => {
    const guided = (amountFen: number) => ({
      kind: 'government_guided' as const,
      basis: 'per_call' as const,
      amountFen,
    });
    const rs = [operated(500, 'a'), operated(300, 'b')];
    expect(guidedCap(rs)).toBe(300);
    expect(priceRule(guided(300), rs)).toBeNull();
    const e = priceRule(guided(301), rs);
    expect(e?.code).toBe('MARKET_PRICE_ABOVE_CAP');
    expect(e?.details).toEqual({ capFen: 300 });
  });

  it('refuses a government-guided price on data under no authorized operation, and a free price on operated data', () => {
    expect(priceRule({ kind: 'government_guided', basis: 'fixed', amountFen: 1 }, [resource()])?.code).toBe(
      'MARKET_PRICE_NOT_GUIDED',
    );
    expect(priceRule({ kind: 'fixed', amountFen: 1 }, [operated(10)])?.code).toBe('MARKET_PRICE_NOT_GUIDED');
  });
});

describe('grade rules (GB/T 43697-2024; PIPL Art. 23)', () => {
  it('never lists core data, whatever the delivery', () => {
    expect(gradeRule([resource({ grade: 'core' })], ['compute'])?.code).toBe('CATALOG_CORE_NOT_PUBLISHABLE');
  });

  it('lists important data only as a compute service', () => {
    const r = [resource({ grade: 'important' })];
    expect(gradeRule(r, ['compute'])).toBeNull();
    for (const m of ['file', 'api', 'report'] as const)
      expect(gradeRule(r, ['compute', m])?.code).toBe('MARKET_IMPORTANT_DATA_COMPUTE_ONLY');
  });

  it('never delivers raw personal information as a file or an API; compute and reports may go', () => {
    const r = [resource({ rawPersonalInfo: 'it is raw personal information' })];
    expect(gradeRule(r, ['file'])?.code).toBe('MARKET_RAW_PERSONAL_INFO');
    expect(gradeRule(r, ['api'])?.code).toBe('MARKET_RAW_PERSONAL_INFO');
    expect(gradeRule(r, ['compute', 'report'])).toBeNull();
  });

  it('grades a product by its most sensitive resource (就高从严)', () => {
    expect(productGrade([resource(), resource({ grade: 'general_4' })])).toBe('general_4');
  });
});

describe('board rules (行业板块)', () => {
  const health = { code: 'health', name: '医疗健康', rules: { computeOnlySectors: ['health'] } };
  const medical = resource({ sectorPath: ['health.medical', 'health'] });

  it('医疗健康: health data only as a compute service — by the product’s sector or a resource’s', () => {
    expect(boardRule([health], product({ deliveryModes: ['api'] }), [medical])?.code).toBe(
      'MARKET_BOARD_RULE',
    );
    expect(
      boardRule([health], product({ sectorPath: ['health'], deliveryModes: ['report'] }), [resource()])
        ?.message,
    ).toMatch(/医疗健康.*compute/);
    expect(boardRule([health], product({ deliveryModes: ['compute'] }), [medical])).toBeNull();
    expect(boardRule([health], product({ deliveryModes: ['api'] }), [resource()])).toBeNull();
  });

  it('keeps a board’s delivery modes, sectors and highest grade', () => {
    const b = (rules: object) => [{ code: 'b', name: 'B', rules }];
    expect(boardRule(b({ deliveryModes: ['compute'] }), product(), [resource()])?.message).toMatch(/report/);
    expect(boardRule(b({ sectors: ['finance'] }), product(), [resource()])?.code).toBe('MARKET_BOARD_RULE');
    expect(boardRule(b({ sectors: ['transport'] }), product(), [resource()])).toBeNull();
    expect(boardRule(b({ maxGrade: 'general_1' }), product(), [resource()])?.message).toMatch(/general_2/);
  });
});

describe('checkPolicy (ODRL 2.2, validatePolicy)', () => {
  const offer = { assigner: 'org_seller', target: 'prd_product' };
  const permission = [
    { action: 'use', constraint: [{ leftOperand: 'purpose', operator: 'eq', rightOperand: '风控' }] },
  ];
  const base = {
    '@context': 'http://www.w3.org/ns/odrl.jsonld',
    '@type': 'Offer',
    uid: 'urn:p:1',
    permission,
  };

  it('keeps no policy, and an offer whose assigner and target are the seller and the product', () => {
    expect(checkPolicy(null, offer)).toEqual({ ok: true, policy: null });
    const kept = checkPolicy({ ...base, assigner: 'org_someone_else' }, offer);
    expect(kept).toMatchObject({ ok: true, policy: { assigner: 'org_seller', target: 'prd_product' } });
  });

  it('refuses an unknown left operand, naming the path', () => {
    const bad = {
      ...base,
      permission: [
        { action: 'use', constraint: [{ leftOperand: 'colour', operator: 'eq', rightOperand: 'red' }] },
      ],
    };
    const r = checkPolicy(bad, offer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.path).toBe('policy.permission[0].constraint[0].leftOperand');
  });
});
