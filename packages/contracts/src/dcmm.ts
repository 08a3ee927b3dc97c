import { z } from 'zod';
import { Id, PageQuery, Text, Timestamp } from './common.js';

/*
 * DCMM (数据管理能力成熟度评估模型, GB/T 36073-2018): an org's self-assessment over the standard's eight
 * capability areas and five levels. The questionnaire is published data the portal renders and the server
 * scores; each statement evidences one level of one area, drawn from the capability domains the standard
 * lists under the area and its level criteria (2 受管理级: managed at project level; 3 稳健级: organisation-wide
 * rules, processes and roles; 4 量化管理级: measured by metrics; 5 优化级: continuously optimised, shared as
 * industry practice). Level 1 (初始级) needs no evidence: it is where every org starts.
 */

export const DCMM_AREAS = [
  'strategy',
  'governance',
  'architecture',
  'application',
  'security',
  'quality',
  'standards',
  'lifecycle',
] as const;
export const DcmmArea = z.enum(DCMM_AREAS);
export type DcmmArea = z.infer<typeof DcmmArea>;

export const DCMM_LEVELS = [1, 2, 3, 4, 5] as const;
export type DcmmLevel = (typeof DCMM_LEVELS)[number];

export interface DcmmStatement {
  id: string;
  area: DcmmArea;
  /** The level this statement evidences (2–5). */
  level: 2 | 3 | 4 | 5;
  /** The capability domain of the area it belongs to (能力项). */
  domain: string;
  zh: string;
  en: string;
}

const s = (
  area: DcmmArea,
  n: string,
  level: 2 | 3 | 4 | 5,
  domain: string,
  zh: string,
  en: string,
): DcmmStatement => ({ id: `${area}.${n}`, area, level, domain, zh, en });

/** The published questionnaire: five statements per area, levels 2, 3, 3, 4, 5. */
// prettier-ignore
export const DCMM_QUESTIONNAIRE: readonly DcmmStatement[] = [
  s('strategy', 'l2', 2, '数据战略规划', '在部门或项目层面识别了数据需求，并编写了数据相关规划', 'Data needs are identified and a data plan is written at department or project level'),
  s('strategy', 'l3a', 3, '数据战略规划', '制定了组织级数据战略，经管理层审批并发布', 'An organisation-wide data strategy is approved by management and published'),
  s('strategy', 'l3b', 3, '数据战略实施', '数据战略分解为实施任务，明确责任部门、资源与时间表', 'The strategy is broken down into tasks with owners, resources and a timetable'),
  s('strategy', 'l4', 4, '数据战略评估', '用量化指标（业务价值、投入产出）定期评估数据战略的实施效果', 'Implementation of the strategy is assessed regularly against quantified metrics (business value, ROI)'),
  s('strategy', 'l5', 5, '数据战略评估', '依据评估结果持续优化数据战略，并作为行业实践对外分享', 'The strategy is continuously refined from the assessments and shared as industry practice'),
  s('governance', 'l2', 2, '数据治理组织', '在项目中设置了数据管理相关岗位和职责', 'Data management roles and duties exist within projects'),
  s('governance', 'l3a', 3, '数据治理组织', '设立了组织级数据治理机构（如数据管理委员会），明确决策、管理和执行层级', 'An organisation-wide governance body (e.g. a data committee) defines decision, management and execution tiers'),
  s('governance', 'l3b', 3, '数据制度建设', '发布了覆盖各能力域的数据管理制度体系（政策、办法、细则）', 'A system of data management policies, measures and rules covering every area is published'),
  s('governance', 'l4', 4, '数据治理沟通', '对制度执行和岗位履职进行量化考核，并纳入绩效', 'Policy compliance and role performance are measured and part of performance review'),
  s('governance', 'l5', 5, '数据治理沟通', '治理机制持续改进，参与制定行业或国家数据管理标准', 'Governance is continuously improved and the org contributes to industry or national standards'),
  s('architecture', 'l2', 2, '数据模型', '主要应用系统建立了数据模型，并有相应文档', 'The main application systems have documented data models'),
  s('architecture', 'l3a', 3, '数据模型', '建立了组织级数据模型，并用于指导各系统的设计', 'An organisation-level data model guides the design of every system'),
  s('architecture', 'l3b', 3, '元数据管理', '建立了组织级元数据管理机制和工具，覆盖业务、技术和操作元数据', 'Organisation-wide metadata management covers business, technical and operational metadata'),
  s('architecture', 'l4', 4, '数据集成与共享', '量化监控数据分布、集成与共享的效率和一致性', 'Efficiency and consistency of data distribution, integration and sharing are monitored with metrics'),
  s('architecture', 'l5', 5, '数据分布', '数据架构依据监控结果持续优化，成为行业参考', 'The data architecture is continuously optimised from monitoring and serves as an industry reference'),
  s('application', 'l2', 2, '数据分析', '在部门层面开展常规报表和数据分析', 'Routine reports and analyses are produced at department level'),
  s('application', 'l3a', 3, '数据分析', '建立了组织级数据分析平台和统一的指标口径', 'An organisation-wide analysis platform with uniform metric definitions is in place'),
  s('application', 'l3b', 3, '数据开放共享', '制定了数据开放共享的制度和流程，并对外提供数据服务', 'Policies and processes govern data opening and sharing, and data services are offered externally'),
  s('application', 'l4', 4, '数据服务', '量化评估数据应用和数据服务的使用情况与业务价值', 'Use and business value of data applications and services are measured'),
  s('application', 'l5', 5, '数据服务', '数据驱动业务创新，数据产品和服务形成可持续的价值', 'Data drives business innovation; data products and services create sustained value'),
  s('security', 'l2', 2, '数据安全策略', '在项目中识别了数据安全需求并采取了基本防护措施', 'Security requirements are identified and basic safeguards applied within projects'),
  s('security', 'l3a', 3, '数据安全策略', '制定了组织级数据安全策略，并实施数据分类分级', 'An organisation-wide security policy is in force together with data classification and grading'),
  s('security', 'l3b', 3, '数据安全审计', '定期开展数据安全审计，覆盖访问、使用和共享', 'Security audits of access, use and sharing are carried out regularly'),
  s('security', 'l4', 4, '数据安全管理', '用量化指标监控安全事件、风险与措施有效性', 'Security incidents, risks and the effectiveness of controls are monitored with metrics'),
  s('security', 'l5', 5, '数据安全管理', '安全体系依据监测持续优化，安全实践为行业借鉴', 'Security is continuously improved from monitoring and its practice is adopted in the industry'),
  s('quality', 'l2', 2, '数据质量需求', '在项目中明确了数据质量需求，并处理发现的质量问题', 'Quality requirements are stated and quality issues handled within projects'),
  s('quality', 'l3a', 3, '数据质量检查', '制定了组织级数据质量规则，并定期开展质量检查（GB/T 36344 指标）', 'Organisation-wide quality rules are checked regularly (GB/T 36344 indicators)'),
  s('quality', 'l3b', 3, '数据质量分析', '建立了质量问题分析、整改和跟踪的闭环流程', 'A closed loop analyses, rectifies and tracks quality issues'),
  s('quality', 'l4', 4, '数据质量分析', '以量化质量指标考核数据质量，并度量质量问题造成的成本', 'Quality is assessed by quantified indicators and the cost of quality issues is measured'),
  s('quality', 'l5', 5, '数据质量提升', '数据质量持续提升，质量管理方法在行业内推广', 'Quality improves continuously and its methods are promoted across the industry'),
  s('standards', 'l2', 2, '业务术语', '在部门或项目中统一了业务术语和数据元定义', 'Business terms and data elements are defined uniformly within departments or projects'),
  s('standards', 'l3a', 3, '参考数据和主数据', '建立了组织级参考数据和主数据管理，并在系统间统一使用', 'Reference and master data are managed organisation-wide and used consistently across systems'),
  s('standards', 'l3b', 3, '数据元', '发布了组织级数据标准（数据元、指标数据），并有维护流程', 'Organisation-wide data standards (data elements, indicator data) are published and maintained'),
  s('standards', 'l4', 4, '指标数据', '量化评估数据标准的执行情况（如标准覆盖率、符合率）', 'Conformance to data standards is measured (e.g. coverage and compliance rates)'),
  s('standards', 'l5', 5, '指标数据', '数据标准持续优化，参与制定行业或国家标准', 'Data standards are continuously refined; the org takes part in industry or national standardisation'),
  s('lifecycle', 'l2', 2, '数据需求', '在项目中收集并记录数据需求', 'Data requirements are gathered and recorded within projects'),
  s('lifecycle', 'l3a', 3, '数据设计和开发', '建立了组织级数据需求、设计和开发的规范与流程', 'Organisation-wide rules and processes govern data requirements, design and development'),
  s('lifecycle', 'l3b', 3, '数据运维', '制定了数据运维和数据退役（归档、销毁）制度并执行', 'Data operations and retirement (archiving, destruction) are governed by policy and carried out'),
  s('lifecycle', 'l4', 4, '数据运维', '量化监控数据生存周期各阶段的成本、效率和风险', 'Cost, efficiency and risk of every lifecycle stage are monitored with metrics'),
  s('lifecycle', 'l5', 5, '数据退役', '生存周期管理持续优化，实践经验对外分享', 'Lifecycle management is continuously optimised and its practice shared externally'),
];

const STATEMENT_IDS = DCMM_QUESTIONNAIRE.map((q) => q.id) as [string, ...string[]];
export const DcmmStatementId = z.enum(STATEMENT_IDS);

/** yes 已满足 · partly 部分满足 · no 未满足. */
export const DcmmAnswerValue = z.enum(['yes', 'partly', 'no']);
export type DcmmAnswerValue = z.infer<typeof DcmmAnswerValue>;

export const DcmmAnswer = z.object({
  statementId: z.string(),
  answer: DcmmAnswerValue,
  note: z.string().nullable(),
});
export type DcmmAnswer = z.infer<typeof DcmmAnswer>;

export const DcmmAreaResult = z.object({
  area: DcmmArea,
  level: z.number().int().min(1).max(5),
  /** Statements of the next level not yet met: the improvement suggestions (none at level 5). */
  suggestions: z.array(z.string()),
});
export type DcmmAreaResult = z.infer<typeof DcmmAreaResult>;

export const DcmmResult = z.object({
  areas: z.array(DcmmAreaResult),
  /** Mean of the area levels, two decimals. */
  score: z.number(),
  /** The overall level: the score rounded down. */
  level: z.number().int().min(1).max(5),
  answered: z.number().int(),
  total: z.number().int(),
});
export type DcmmResult = z.infer<typeof DcmmResult>;

export const DcmmStatus = z.enum(['draft', 'submitted']);
export type DcmmStatus = z.infer<typeof DcmmStatus>;

export const DcmmAssessment = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  title: z.string(),
  status: DcmmStatus,
  answers: z.array(DcmmAnswer),
  /** For a draft: the result its answers would give now; for a submitted one: the result it was submitted with. */
  result: DcmmResult,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Timestamp.nullable(),
});
export type DcmmAssessment = z.infer<typeof DcmmAssessment>;

export const DcmmAssessmentSummary = DcmmAssessment.omit({ answers: true });
export type DcmmAssessmentSummary = z.infer<typeof DcmmAssessmentSummary>;

export const DcmmCreateBody = z.strictObject({ title: Text(100) });

export const DcmmAnswersBody = z.strictObject({
  answers: z
    .array(
      z.strictObject({
        statementId: DcmmStatementId,
        answer: DcmmAnswerValue,
        note: z.string().trim().max(500).nullish(),
      }),
    )
    .min(1)
    .max(DCMM_QUESTIONNAIRE.length)
    .refine((a) => new Set(a.map((x) => x.statementId)).size === a.length, {
      message: 'each statement is answered once',
    }),
});
export type DcmmAnswersBody = z.input<typeof DcmmAnswersBody>;

export const DcmmQuery = z.strictObject({
  ...PageQuery,
  status: DcmmStatus.optional(),
  orgId: Id('org').optional().describe('operators and regulators: one org’s assessments'),
});

export const DcmmCompareQuery = z.strictObject({
  from: Id('dca').describe('the earlier assessment'),
  to: Id('dca').describe('the later assessment'),
});

export const DcmmComparison = z.object({
  from: DcmmAssessmentSummary,
  to: DcmmAssessmentSummary,
  areas: z.array(z.object({ area: DcmmArea, from: z.number(), to: z.number(), delta: z.number() })),
  scoreDelta: z.number(),
});
export type DcmmComparison = z.infer<typeof DcmmComparison>;

export const DcmmStats = z.object({
  /** Orgs with a submitted assessment; each counts with its latest one. */
  orgs: z.number().int(),
  byLevel: z.array(z.object({ level: z.number().int(), orgs: z.number().int() })),
  areaMeans: z.array(z.object({ area: DcmmArea, mean: z.number().nullable() })),
  scoreMean: z.number().nullable(),
});
export type DcmmStats = z.infer<typeof DcmmStats>;
