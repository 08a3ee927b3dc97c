import {
  COMMITMENTS,
  gradeRank,
  highestGrade,
  validatePolicy,
  type BoardRules,
  type CheckItem,
  type CheckItemKey,
  type Commitments,
  type DeliveryMode,
  type Grade,
  type PriceModelInput,
  type ProductScenario,
  type RegistryRightCheckReply,
  type UsagePolicy,
} from '@shuliu/contracts';
import type { DomainError } from '../shared/errors.js';
import * as E from './market.errors.js';

/** What the listing rules know about one resource of a product, gathered by the service. */
export interface ResourceFacts {
  id: string;
  title: string;
  status: string;
  grade: Grade;
  /** The resource's sector and every sector above it, nearest first. */
  sectorPath: string[];
  /** catalog's rawPersonalInfoReason: why it may not leave as it is, or null. */
  rawPersonalInfo: string | null;
  /** registry's checkRight for the seller's 数据产品经营权 on it. */
  right: RegistryRightCheckReply;
  /** The seller's authorized-operation grant over it (public data) and that grant's price guidance. */
  operation: { grantId: string; capFen: number } | null;
}

export interface ProductFacts {
  orgId: string;
  title: string;
  summary: string;
  description: string;
  /** The product's sector and every sector above it, nearest first. */
  sectorPath: string[];
  deliveryModes: DeliveryMode[];
  priceModel: PriceModelInput | null;
  scenarios: ProductScenario[];
  commitments: Commitments;
  /** The org's signature over the declaration as it stands: none yet, checked, or not matching it. */
  signature: 'missing' | 'valid' | 'invalid';
}

export interface NegativeFacts {
  kind: 'sector' | 'keyword' | 'org' | 'resource';
  value: string;
  reason: string;
}

export interface BoardFacts {
  code: string;
  name: string;
  rules: BoardRules;
}

export interface ListingFacts {
  product: ProductFacts;
  resources: ResourceFacts[];
  negative: NegativeFacts[];
  boards: BoardFacts[];
}

type Finding = DomainError | null;
const list = (xs: string[]) => xs.join('、');

/** 数据资源: a product is built on catalogued resources that are published, not drafts or retired ones. */
export function resourcesRule(resources: ResourceFacts[]): Finding {
  const bad = resources.filter((r) => r.status !== 'published');
  return bad.length
    ? E.ResourceNotListable(
        `not published in the catalogue: ${list(bad.map((r) => `${r.title} (${r.status})`))}`,
      )
    : null;
}

/**
 * 数据二十条 and the registry's 数据产品经营权: every resource is covered by a certificate of the seller, or a
 * licence registered on one in its term, that is not frozen, cancelled or expired, and not disputed (the
 * declaration says 权属无争议). A pledge (质押) does not stop it: a pledge blocks transfer and cancellation,
 * not the licensing of use that a sale is (registry.lifecycle PLEDGE_BLOCKS).
 */
export function certificateRule(resources: ResourceFacts[]): Finding {
  const usable = (r: ResourceFacts) => r.right.ok || r.right.problem === 'pledged';
  const missing = resources.filter((r) => !r.right.certNo || r.right.problem === 'none');
  if (missing.length)
    return E.CertificateMissing(
      `no 数据产品经营权 certificate or licence of the seller covers: ${list(missing.map((r) => r.title))}`,
    );
  const out = resources.filter((r) => !usable(r));
  if (out.length)
    return E.CertificateNotInForce(
      `the 数据产品经营权 certificate is not in force: ${list(out.map((r) => `${r.right.certNo} (${r.right.problem})`))}`,
    );
  const disputed = resources.filter((r) => r.right.disputed);
  if (disputed.length)
    return E.CertificateDisputed(
      `an objection registration (异议登记) stands against ${list(disputed.map((r) => r.right.certNo!))}`,
    );
  return null;
}

/**
 * RULES.md, Trading (声明承诺制): source lawful, authorization held, personal data protected, no dispute —
 * each affirmed, and the declaration signed by the org with a key of its own that checks against it.
 */
export function declarationsRule(c: Commitments, signature: ProductFacts['signature']): Finding {
  const missing = COMMITMENTS.filter((k) => !c[k]);
  if (missing.length) return E.DeclarationMissing(`not affirmed: ${missing.join(', ')}`);
  if (signature === 'missing') return E.DeclarationUnsigned();
  if (signature === 'invalid')
    return E.DeclarationUnsigned('the signature on the declaration does not check against it: sign it again');
  return null;
}

/** 交易负面清单: no listed sector (or one below it), keyword, organization or resource. */
export function negativeListRule(
  p: ProductFacts,
  resources: ResourceFacts[],
  entries: NegativeFacts[],
): Finding {
  const text = `${p.title}\n${p.summary}\n${p.description}`.toLowerCase();
  const sectors = new Set([...p.sectorPath, ...resources.flatMap((r) => r.sectorPath)]);
  const ids = new Set(resources.map((r) => r.id));
  const hit = entries.find(
    (e) =>
      (e.kind === 'org' && e.value === p.orgId) ||
      (e.kind === 'resource' && ids.has(e.value)) ||
      (e.kind === 'sector' && sectors.has(e.value)) ||
      (e.kind === 'keyword' && text.includes(e.value.toLowerCase())),
  );
  return hit
    ? E.OnNegativeList(`on the trading negative list (${hit.kind} “${hit.value}”): ${hit.reason}`)
    : null;
}

/** 无场景不交易: at least one declared application scenario. */
export function scenariosRule(scenarios: ProductScenario[]): Finding {
  return scenarios.length ? null : E.ScenarioRequired();
}

/**
 * RULES.md, Trading (price models; 公共数据有偿使用): a price model is set; public data under an authorized
 * operation goes at a government-guided price no higher than the authority's guidance, and only such data does.
 */
export function priceRule(m: PriceModelInput | null, resources: ResourceFacts[]): Finding {
  if (!m) return E.PriceModelRequired();
  const operated = resources.filter((r) => r.operation);
  if (m.kind !== 'government_guided')
    return operated.length
      ? E.PriceNotGuided(
          `public data under an authorized operation is sold at a government-guided price: ${list(operated.map((r) => r.title))}`,
        )
      : null;
  const loose = resources.filter((r) => !r.operation);
  if (loose.length)
    return E.PriceNotGuided(
      `a government-guided price is for public data under the seller's authorized operation; not: ${list(loose.map((r) => r.title))}`,
    );
  const cap = guidedCap(resources);
  return cap !== null && m.amountFen > cap
    ? E.PriceAboveCap(`${m.amountFen} fen is above the price guidance of ${cap} fen`, { capFen: cap })
    : null;
}

/** The government-guided cap of a product: the lowest guidance among the grants its resources are under. */
export function guidedCap(resources: ResourceFacts[]): number | null {
  const caps = resources.flatMap((r) => (r.operation ? [r.operation.capFen] : []));
  return caps.length ? Math.min(...caps) : null;
}

/**
 * GB/T 43697-2024 and PIPL Art. 23: core data is never listed; important data only as a compute service
 * (原始数据不出域); a resource holding raw personal information never as a file or an API.
 */
export function gradeRule(resources: ResourceFacts[], modes: DeliveryMode[]): Finding {
  const core = resources.filter((r) => r.grade === 'core');
  if (core.length) return E.CoreData(`core data (核心数据): ${list(core.map((r) => r.title))}`);
  const important = resources.filter((r) => r.grade === 'important');
  if (important.length && modes.some((m) => m !== 'compute'))
    return E.ImportantComputeOnly(
      `important data (重要数据) ${list(important.map((r) => r.title))} is listed only as a compute service, not as ${list(modes.filter((m) => m !== 'compute'))}`,
    );
  const personal = resources.filter((r) => r.rawPersonalInfo);
  const leaking = modes.filter((m) => m === 'file' || m === 'api');
  if (personal.length && leaking.length)
    return E.RawPersonalInfo(
      `${list(personal.map((r) => `${r.title}: ${r.rawPersonalInfo}`))} — not as ${list(leaking)}`,
    );
  return null;
}

/** 行业板块规则: each of the product's boards — delivery modes, compute-only sectors, sectors, highest grade. */
export function boardRule(boards: BoardFacts[], p: ProductFacts, resources: ResourceFacts[]): Finding {
  const grade = productGrade(resources);
  const paths = [p.sectorPath, ...resources.map((r) => r.sectorPath)];
  for (const b of boards) {
    const say = (why: string) => E.BoardRule(`board ${b.name} (${b.code}): ${why}`, { board: b.code });
    const r = b.rules;
    const foreign = p.deliveryModes.filter((m) => r.deliveryModes && !r.deliveryModes.includes(m));
    if (foreign.length) return say(`it does not take ${list(foreign)}`);
    const computeOnly = r.computeOnlySectors ?? [];
    if (computeOnly.length && paths.some((path) => path.some((s) => computeOnly.includes(s))))
      if (p.deliveryModes.some((m) => m !== 'compute'))
        return say(`data of ${list(computeOnly)} is listed only as a compute service`);
    if (r.sectors?.length && !p.sectorPath.some((s) => r.sectors!.includes(s)))
      return say(`it lists products of ${list(r.sectors)} only`);
    if (r.maxGrade && gradeRank(grade) > gradeRank(r.maxGrade))
      return say(`it lists data up to ${r.maxGrade}; this product is ${grade}`);
  }
  return null;
}

/** GB/T 43697-2024 §5 就高从严: a product takes the highest grade of its resources. */
export const productGrade = (resources: ResourceFacts[]): Grade =>
  highestGrade(resources.map((r) => r.grade));

/** The clause each check enforces, as the checklist shows it. */
const CLAUSES: Record<CheckItemKey, string> = {
  resources: '数据资源已编目发布',
  certificate: '数据产品经营权登记证书有效（数据二十条；数据产权登记）',
  declarations: '声明承诺制（数据安全法第三十三条）',
  negativeList: '交易负面清单',
  scenarios: '无场景不交易',
  priceModel: '定价模式（公共数据有偿使用：政府指导定价）',
  grade: 'GB/T 43697-2024 分级：核心数据不交易，重要数据仅计算服务；个人信息保护法第二十三条',
  boardRules: '行业板块规则',
};

/** The listing checks (挂牌条件) in the checklist's order: each passed, or failed with its code and reason. */
export function listingChecklist(f: ListingFacts): CheckItem[] {
  const findings: Record<CheckItemKey, Finding> = {
    resources: resourcesRule(f.resources),
    certificate: certificateRule(f.resources),
    declarations: declarationsRule(f.product.commitments, f.product.signature),
    negativeList: negativeListRule(f.product, f.resources, f.negative),
    scenarios: scenariosRule(f.product.scenarios),
    priceModel: priceRule(f.product.priceModel, f.resources),
    grade: gradeRule(f.resources, f.product.deliveryModes),
    boardRules: boardRule(f.boards, f.product, f.resources),
  };
  return (Object.keys(CLAUSES) as CheckItemKey[]).map((key) => ({
    key,
    passed: !findings[key],
    code: findings[key]?.code ?? null,
    reason: findings[key]?.message ?? null,
    rule: CLAUSES[key],
  }));
}

/**
 * The usage policy's own check (ODRL 2.2, `validatePolicy`), before it is stored: the seller's offer on this
 * product, so the assigner and the target are the platform's to fill — a seller cannot offer for another org
 * or another product. Gives the policy as it is kept (normalized), or where and why it is refused.
 */
export function checkPolicy(
  policy: Record<string, unknown> | null,
  offer: { assigner: string; target: string },
): { ok: true; policy: UsagePolicy | null } | { ok: false; path: string; message: string } {
  if (policy === null) return { ok: true, policy: null };
  const checked = validatePolicy({ ...policy, assigner: offer.assigner, target: offer.target });
  if (checked.ok) return checked;
  const first = checked.issues[0]!;
  return { ok: false, path: first.path ? `policy.${first.path}` : 'policy', message: first.message };
}
