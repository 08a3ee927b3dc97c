import type { ContractTemplate } from '../trade.js';

/**
 * 合同示范文本: the four model contracts of data trading (数据提供、数据委托处理、数据融合开发、数据中介) as data —
 * clauses with zh-CN (binding) and en-US (reading aid) text whose `{{slots}}` are filled from the agreed
 * negotiation. Pure, so the server drafts and the portal prints with the same words.
 */
export type Locale = 'zh-CN' | 'en-US';
export type L = Record<Locale, string>;

export interface ClauseTemplate {
  key: string;
  title: L;
  text: L;
}

export interface ContractTemplateDef {
  id: ContractTemplate;
  version: string;
  name: L;
  /** What each side is called in this model contract. */
  roles: { seller: L; buyer: L };
  clauses: ClauseTemplate[];
}

const c = (key: string, title: L, text: L): ClauseTemplate => ({ key, title, text });

const PARTIES = c(
  'parties',
  { 'zh-CN': '合同当事人', 'en-US': 'Parties' },
  {
    'zh-CN':
      '{{sellerRole}}：{{seller.name}}（统一社会信用代码：{{seller.uscc}}）；{{buyerRole}}：{{buyer.name}}（统一社会信用代码：{{buyer.uscc}}）。本合同经{{platform.name}}（统一社会信用代码：{{platform.uscc}}，以下简称“平台”）撮合订立，平台依法履行数据交易服务机构的义务。',
    'en-US':
      '{{sellerRole}}: {{seller.name}} (USCC {{seller.uscc}}); {{buyerRole}}: {{buyer.name}} (USCC {{buyer.uscc}}). This contract is concluded through {{platform.name}} (USCC {{platform.uscc}}, “the Platform”), which acts as the data trading service provider under law.',
  },
);

const OBJECT = c(
  'object',
  { 'zh-CN': '合同标的', 'en-US': 'Object' },
  {
    'zh-CN':
      '本合同标的为平台挂牌的数据产品“{{productTitle}}”（产品编号 {{productId}}），所涉数据资源：{{resources}}；其权属依据数据产权登记证书 {{certificateNos}}。交付方式：{{deliveryMode}}。',
    'en-US':
      'The object is the data product “{{productTitle}}” ({{productId}}) listed on the Platform, on the data resources {{resources}}, whose rights rest on the data-rights certificates {{certificateNos}}. Delivery: {{deliveryMode}}.',
  },
);

const SCOPE = c(
  'scope',
  { 'zh-CN': '使用范围与目的', 'en-US': 'Scope and purpose' },
  {
    'zh-CN':
      '{{buyerRole}}仅得为“{{purpose}}”之目的，在行政区划 {{region}} 范围内使用标的数据，使用范围：{{scope}}；使用次数上限：{{maxUses}}。超出上述目的、地域或范围的使用须另行书面约定。{{scenario}}',
    'en-US':
      'The {{buyerRole}} uses the data only for “{{purpose}}”, within division {{region}}, to this scope: {{scope}}; at most {{maxUses}} uses. Any use beyond this purpose, region or scope needs a further written agreement. {{scenario}}',
  },
);

const TERM = c(
  'term',
  { 'zh-CN': '合同期限', 'en-US': 'Term' },
  {
    'zh-CN':
      '本合同项下数据使用期限自 {{startsOn}} 起至 {{endsOn}} 止（北京时间）。期限届满，{{buyerRole}}应停止使用并删除标的数据及其副本，法律另有规定的除外。',
    'en-US':
      'The data may be used from {{startsOn}} to {{endsOn}} (Beijing time). When the term ends the {{buyerRole}} stops using and deletes the data and its copies, unless the law requires otherwise.',
  },
);

const PRICE = c(
  'price',
  { 'zh-CN': '价款与支付', 'en-US': 'Price and payment' },
  {
    'zh-CN':
      '合同价款为人民币 {{price}} 元（{{priceBasis}}）。{{buyerRole}}应于合同成立之日起 {{paymentDays}} 日内通过平台结算系统支付，平台按结算规则向{{sellerRole}}划付。',
    'en-US':
      'The price is CNY {{price}} ({{priceBasis}}). The {{buyerRole}} pays through the Platform’s settlement within {{paymentDays}} days of conclusion; the Platform pays the {{sellerRole}} under its settlement rules.',
  },
);

const ACCEPTANCE = c(
  'acceptance',
  { 'zh-CN': '交付与验收', 'en-US': 'Delivery and acceptance' },
  {
    'zh-CN':
      '{{sellerRole}}按约定方式通过平台交付。{{buyerRole}}应于交付之日起 {{acceptanceDays}} 日内（验收期）就数据的完整性、准确性与约定说明的一致性进行验收；期内未提出书面异议的，视为验收合格。',
    'en-US':
      'The {{sellerRole}} delivers through the Platform as agreed. Within {{acceptanceDays}} days of delivery (the acceptance period) the {{buyerRole}} checks the data’s completeness, accuracy and conformity; without a written objection in that period the delivery is accepted.',
  },
);

const SECURITY = c(
  'security',
  { 'zh-CN': '数据安全与保密', 'en-US': 'Security and confidentiality' },
  {
    'zh-CN':
      '双方应依照《中华人民共和国数据安全法》及数据分类分级要求采取必要的安全保护措施，防止数据泄露、篡改、丢失；对在履约中知悉的对方商业秘密及标的数据负有保密义务，保密义务不因本合同终止而终止。交付的数据可含有指向{{buyerRole}}的数字水印，用于泄露溯源。',
    'en-US':
      'Both parties protect the data as the Data Security Law and its classification and grading require, against leakage, tampering and loss, and keep each other’s business secrets and the data confidential, also after the contract ends. Delivered data may carry a fingerprint tracing it to the {{buyerRole}}.',
  },
);

const PERSONAL = c(
  'personal_info',
  { 'zh-CN': '个人信息保护', 'en-US': 'Personal information' },
  {
    'zh-CN':
      '标的数据涉及个人信息的，双方应遵守《中华人民共和国个人信息保护法》：{{sellerRole}}保证已取得个人的单独同意或具备其他合法性基础，{{buyerRole}}仅在该同意的场景、目的与方式内处理，不得重新识别特定个人，个人撤回同意的自撤回时起停止处理。',
    'en-US':
      'Where the data holds personal information both parties follow the Personal Information Protection Law: the {{sellerRole}} warrants the persons’ separate consent or another lawful basis; the {{buyerRole}} processes only within that consented scenario, purpose and method, never re-identifies anyone, and stops from the moment a person withdraws.',
  },
);

const BREACH = c(
  'breach',
  { 'zh-CN': '违约责任', 'en-US': 'Breach' },
  {
    'zh-CN':
      '任何一方违反本合同约定的，应承担继续履行、采取补救措施或者赔偿损失等违约责任。{{buyerRole}}超出约定目的、范围或期限使用数据的，{{sellerRole}}有权解除合同并要求赔偿；逾期付款的，按日万分之五支付违约金。',
    'en-US':
      'A party in breach continues performance, remedies or compensates the loss. If the {{buyerRole}} uses the data beyond the agreed purpose, scope or term, the {{sellerRole}} may terminate and claim damages; late payment bears 0.05 % a day.',
  },
);

const DISPUTES = c(
  'disputes',
  { 'zh-CN': '争议解决', 'en-US': 'Disputes' },
  {
    'zh-CN': '因本合同发生的争议，双方应先协商，协商不成的，可申请平台调解；调解不成的，{{disputeWay}}。',
    'en-US':
      'The parties first negotiate any dispute; failing that, either may ask the Platform to mediate; if mediation fails, {{disputeWay}}.',
  },
);

const LAW = c(
  'law',
  { 'zh-CN': '法律适用', 'en-US': 'Governing law' },
  {
    'zh-CN': '本合同的订立、效力、解释、履行及争议解决适用{{governingLaw}}。',
    'en-US': 'This contract is governed by {{governingLaw}}.',
  },
);

const SIGNING = c(
  'signing',
  { 'zh-CN': '合同成立', 'en-US': 'Conclusion' },
  {
    'zh-CN':
      '本合同编号 {{contractNo}}，由{{buyerRole}}、{{sellerRole}}先后以各自的 SM2 电子签名签署，{{sellerRole}}签署之时成立并生效；签署记录存证于平台透明账本，任何人可离线核验。',
    'en-US':
      'Contract {{contractNo}} is signed first by the {{buyerRole}}, then by the {{sellerRole}}, each with its SM2 electronic signature, and takes effect when the {{sellerRole}} signs; each signature is recorded in the Platform’s transparency ledger and verifiable offline.',
  },
);

const rights = (zh: string, en: string) =>
  c('rights', { 'zh-CN': '权利安排', 'en-US': 'Rights' }, { 'zh-CN': zh, 'en-US': en });

/** The clauses common to every model, the template's own ones after delivery and acceptance. */
function clausesWith(rightsClause: ClauseTemplate, extra: ClauseTemplate[] = []): ClauseTemplate[] {
  return [
    PARTIES,
    OBJECT,
    rightsClause,
    SCOPE,
    TERM,
    PRICE,
    ACCEPTANCE,
    ...extra,
    SECURITY,
    PERSONAL,
    BREACH,
    DISPUTES,
    LAW,
    SIGNING,
  ];
}

export const role = (zh: string, en: string): L => ({ 'zh-CN': zh, 'en-US': en });

export const CONTRACT_TEMPLATE_DEFS: Record<ContractTemplate, ContractTemplateDef> = {
  provision: {
    id: 'provision',
    version: '2026.1',
    name: role('数据提供合同', 'Data Provision Contract'),
    roles: { seller: role('提供方', 'Provider'), buyer: role('接收方', 'Recipient') },
    clauses: clausesWith(
      rights(
        '{{sellerRole}}保留数据资源持有权与数据产品经营权，向{{buyerRole}}授予本合同约定目的、范围与期限内非独占、不可转让、不可再许可的数据加工使用权；{{buyerRole}}加工形成的衍生数据不得对外提供原始数据或可还原原始数据的内容。',
        'The {{sellerRole}} keeps the holding and operating rights and grants the {{buyerRole}} a non-exclusive, non-transferable, non-sublicensable right to process and use the data within the agreed purpose, scope and term; derived data may not disclose the original data or anything that restores it.',
      ),
    ),
  },
  entrusted_processing: {
    id: 'entrusted_processing',
    version: '2026.1',
    name: role('数据委托处理合同', 'Entrusted Data Processing Contract'),
    roles: { seller: role('受托方', 'Processor'), buyer: role('委托方', 'Entrusting party') },
    clauses: clausesWith(
      rights(
        '{{sellerRole}}仅按{{buyerRole}}的委托处理数据，处理结果归{{buyerRole}}所有；{{sellerRole}}不因处理取得任何数据权利，不得为自身目的使用或留存委托数据。',
        'The {{sellerRole}} processes data only as the {{buyerRole}} entrusts it; the results belong to the {{buyerRole}}; the {{sellerRole}} gains no right in the data and neither uses nor keeps it for itself.',
      ),
      [
        c(
          'processing',
          { 'zh-CN': '委托处理要求', 'en-US': 'Processing instructions' },
          {
            'zh-CN':
              '{{sellerRole}}应按约定的目的、期限、处理方式处理数据，未经{{buyerRole}}书面同意不得转委托；合同终止或处理完成后，应返还或删除委托数据并提供删除证明，接受{{buyerRole}}的监督（个人信息保护法第二十一条）。',
            'en-US':
              'The {{sellerRole}} processes for the agreed purpose, term and method, never sub-entrusts without the {{buyerRole}}’s written consent, returns or deletes the data when done with proof of deletion, and accepts the {{buyerRole}}’s supervision (PIPL Art. 21).',
          },
        ),
      ],
    ),
  },
  fusion_development: {
    id: 'fusion_development',
    version: '2026.1',
    name: role('数据融合开发合同', 'Data Fusion Development Contract'),
    roles: { seller: role('合作方甲', 'Party A'), buyer: role('合作方乙', 'Party B') },
    clauses: clausesWith(
      rights(
        '各方投入的数据资源持有权仍归各自所有；融合开发形成的数据产品经营权由双方按投入贡献共有，收益按贡献分配（可依数据效用的沙普利值计算）；任何一方不得单独对外许可融合成果。',
        'Each party keeps the holding right of the data it contributes; the operating right of the fused product is shared by contribution, and income shared by contribution (measurable by the Shapley value of the data’s utility); neither party licenses the fused result alone.',
      ),
      [
        c(
          'results',
          { 'zh-CN': '融合成果', 'en-US': 'Fused results' },
          {
            'zh-CN':
              '融合开发宜在隐私计算或平台计算沙箱中进行，原始数据不出域；融合成果在登记前不得对外提供，双方应共同申请数据产权登记。',
            'en-US':
              'Fusion runs in privacy-preserving computation or the Platform’s sandbox, raw data never leaving its domain; the result is not provided to others before the parties jointly register its rights.',
          },
        ),
      ],
    ),
  },
  intermediary: {
    id: 'intermediary',
    version: '2026.1',
    name: role('数据中介服务合同', 'Data Intermediary Contract'),
    roles: { seller: role('数据提供方', 'Data provider'), buyer: role('数据需求方', 'Data consumer') },
    clauses: clausesWith(
      rights(
        '{{sellerRole}}保留数据权利，经平台居间向{{buyerRole}}授予本合同约定范围内的数据加工使用权；平台不取得标的数据的任何权利。',
        'The {{sellerRole}} keeps its rights and, through the Platform as intermediary, grants the {{buyerRole}} the right to process and use the data within the agreed scope; the Platform gains no right in the data.',
      ),
      [
        c(
          'intermediary',
          { 'zh-CN': '中介方义务', 'en-US': 'The intermediary’s duties' },
          {
            'zh-CN':
              '平台作为数据中介，应要求{{sellerRole}}说明数据来源，审核交易双方身份，并留存审核、交易记录（数据安全法第三十三条）；平台对双方的交易信息负有保密义务。',
            'en-US':
              'As intermediary the Platform requires the {{sellerRole}} to state the data’s source, checks both parties’ identities and keeps the records of its checks and of the trade (Data Security Law Art. 33), and keeps the trade confidential.',
          },
        ),
      ],
    ),
  },
};
