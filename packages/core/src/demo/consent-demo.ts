import { idCardCheckChar, type ScenarioBody } from '@shuliu/contracts';
import { publishedResourcesOf, rawPersonalInfoReason } from '../catalog/index.js';
import { createConsent } from '../consent/index.js';
import type { Services } from '../services.js';
import type { RequestContext } from '../shared/context.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { loginAs } from './demo-login.js';

const DAY = 86_400_000;
const idCard = (first17: string) => first17 + idCardCheckChar(first17);
const inDays = (now: number, d: number) => new Date(now + d * DAY).toISOString();

const LOAN: ScenarioBody = {
  title: '普惠小额贷款授信',
  purpose: '评估借款人还款能力，决定授信额度',
  legalBasis: '取得个人同意（个人信息保护法第十三条第一项）',
  recipient: '齐鲁数据科技有限公司',
  processingMethod: '模型评分后人工复核，不做完全自动化决策',
  retentionDays: 365,
  crossBorder: false,
  automatedDecision: false,
  fields: [
    { name: 'name', label: '姓名', category: 'basic', required: true, justification: '识别借款人' },
    { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '放款与还款提醒' },
    {
      name: 'income',
      label: '月收入',
      category: 'financial',
      required: false,
      justification: '评估还款能力',
    },
    { name: 'hobby', label: '兴趣爱好', category: 'behavior', required: false, justification: '' },
  ],
};
const DELIVERY: ScenarioBody = {
  title: '物流派送签收',
  purpose: '派送包裹并确认签收',
  legalBasis: '取得个人同意',
  recipient: '泉城数智信息服务有限公司',
  processingMethod: '派送员查看，签收后 30 天删除',
  retentionDays: 30,
  crossBorder: false,
  automatedDecision: false,
  fields: [
    { name: 'name', label: '姓名', category: 'basic', required: true, justification: '核对收件人' },
    { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '联系收件人' },
    { name: 'address', label: '收件地址', category: 'location', required: true, justification: '派送地址' },
  ],
};
const MARKETING: ScenarioBody = {
  ...LOAN,
  title: '精准营销画像',
  purpose: '根据消费习惯推荐金融产品',
  recipient: '鲁信普惠金融科技有限公司',
  automatedDecision: true,
  fields: [
    { name: 'mobile', label: '手机号', category: 'contact', required: true, justification: '推送产品信息' },
    { name: 'face', label: '人脸图像', category: 'biometric', required: false, justification: '刷脸登录' },
  ],
};

export interface ConsentDemoResult {
  persons: string[];
  scenarios: string[];
  grants: { active: number; revoked: number; expired: number };
  orgGrants: number;
  operationGrants: number;
}

/**
 * The authorization hub's demo: persons (one a minor under 14 with a confirmed guardian), scenarios approved
 * and in review, personal grants active, revoked and expired (each with signed receipts in the ledger), an
 * enterprise authorization and two authorized operators. Needs the demo orgs and users (seedDemo).
 * Persons log in as zhangsan / lisi / xiaoming with the demo password.
 */
export async function seedConsentDemo(s: Services, opts: { now?: Date } = {}): Promise<ConsentDemoResult> {
  const now = (opts.now ?? new Date()).getTime();
  const anon: RequestContext = {
    requestId: 'demo-seed',
    ip: null,
    userAgent: 'shuliu-demo',
    principal: null,
    audited: false,
  };
  const c = s.consent;
  const sign = (username: string, displayName: string, first17: string, guardianUsername?: string) =>
    c.persons.signUp(
      { ...anon },
      {
        username,
        displayName,
        password: DEMO_PASSWORD,
        idCard: idCard(first17),
        phone: '13905310000',
        guardianUsername,
      },
    );
  const zhang = await sign('zhangsan', '张三', '37010219850315123');
  const li = await sign('lisi', '李四', '37020319920708234');
  const kid = await sign('xiaoming', '张小明', '37010220160901345', 'zhangsan');
  const as = {
    merchant: await loginAs(s, 'merchant'),
    quancheng: await loginAs(s, 'quancheng'),
    buyer: await loginAs(s, 'buyer'),
    operator: await loginAs(s, 'operator'),
    authority: await loginAs(s, 'authority'),
    bureau: await loginAs(s, 'bureau-authority'),
    zhang: await loginAs(s, 'zhangsan'),
    li: await loginAs(s, 'lisi'),
  };
  await c.persons.confirmWard(as.zhang, kid.userId);

  const approve = async (ctx: RequestContext, body: ScenarioBody, pipiaRef?: string) => {
    const sc = await c.scenarios.register(ctx, body as never);
    const v = sc.versions[0]!.id;
    return c.scenarios.review(as.operator, sc.id, {
      versionId: v,
      approve: true,
      strike: [],
      biometricApproved: false,
      pipiaRef,
    });
  };
  const loan = await approve(as.merchant, LOAN, 'PIPIA-QL-2026-007');
  const delivery = await approve(as.quancheng, DELIVERY, 'PIPIA-QC-2026-002');
  const marketing = await c.scenarios.register(as.buyer, MARKETING as never);
  const v = (sc: typeof loan) => sc.currentVersionId!;

  const give = (ctx: RequestContext, sc: typeof loan, fields: string[], days: number, onBehalfOf?: string) =>
    c.grants.give(ctx, {
      versionId: v(sc),
      fields,
      expiresAt: inDays(now, days),
      separateConsent: true,
      onBehalfOf,
    });
  const zhangLoan = await give(as.zhang, loan, ['name', 'mobile', 'income'], 180);
  await give(as.zhang, delivery, ['name', 'mobile', 'address'], 60, kid.userId);
  const revoked = await give(as.li, loan, ['name', 'mobile'], 90);
  await c.grants.revoke(as.li, revoked.id);
  // an expired grant: given 60 days ago for 30 days, on a clock of its own
  const past = createConsent({
    db: s.db,
    keys: s.crypto.keys,
    ledger: s.ledger,
    resources: s.catalog.resources,
    sectors: s.catalog.sectors,
    now: () => new Date(now - 60 * DAY),
  });
  await past.grants.give(as.li, {
    versionId: v(delivery),
    fields: ['name', 'mobile', 'address'],
    expiresAt: inDays(now, -30),
    separateConsent: true,
  });

  // the merchant relies on zhangsan's consent (his 使用记录): twice allowed, once refused for a struck field
  for (const fields of [
    ['name', 'mobile'],
    ['name', 'income'],
    ['name', 'hobby'],
  ])
    await c.grants.checkAudited(as.merchant, { subjectId: zhangLoan.subjectId, versionId: v(loan), fields });

  const merchantOrg = as.merchant.principal!.orgId!;
  // raw personal information goes to no other org (PIPL Art. 23): the borrower list's masked derivative does
  const resource = (await publishedResourcesOf(s.db, merchantOrg)).find(
    (r) => r.grade !== 'core' && !rawPersonalInfoReason(r),
  );
  let orgGrants = 0;
  if (resource) {
    await c.orgGrants.createOrgGrant(as.merchant, {
      granteeOrgId: as.buyer.principal!.orgId!,
      resourceIds: [resource.id],
      maxGrade: 'important',
      purpose: '联合风控建模（仅限授信审批）',
      expiresAt: inDays(now, 180),
    });
    orgGrants++;
  }
  const operate = (
    ctx: RequestContext,
    operatorOrgId: string,
    scope: 'comprehensive' | 'sectoral',
    sectors: string[],
    fen: number,
  ) =>
    c.operations.createOperationGrant(ctx, {
      operatorOrgId,
      scope,
      sectors,
      maxGrade: 'general_3',
      startsAt: inDays(now, -30),
      endsAt: inDays(now, 3 * 365),
      priceGuidanceFen: fen,
      priceNote: '政府指导定价：按调用次数计费',
      // 收益分成: the authority takes a tenth of each sale's gross at settlement
      authorityShareBp: 1000,
    });
  const op1 = await operate(as.authority, as.quancheng.principal!.orgId!, 'sectoral', ['transport'], 5_000);
  await c.operations.evaluate(as.authority, op1.id, {
    year: new Date(now).getUTCFullYear(),
    score: 91,
    conclusion: '合规运营，服务稳定',
  });
  await operate(as.bureau, merchantOrg, 'comprehensive', [], 20_000);

  return {
    persons: [zhang.userId, li.userId, kid.userId],
    scenarios: [loan.id, delivery.id, marketing.id],
    grants: { active: 2, revoked: 1, expired: 1 },
    orgGrants,
    operationGrants: 2,
  };
}
