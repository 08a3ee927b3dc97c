import { HQD_CRITERIA } from '@shuliu/contracts';
import { publishedResourcesOf } from '../catalog/index.js';
import type { Services } from '../services.js';
import { loginAs } from './demo-login.js';

const scores = (base: number) =>
  HQD_CRITERIA.map((c, i) => ({ criterion: c.key, score: Math.min(100, base + (i % 3) * 3), comment: null }));

/**
 * 高质量数据集: 齐鲁数据's dataset designated (provincial) after 衡信评估's review, and a second one in review;
 * product quality supervision: one complaint of 泉城数智 under investigation, one rectified by the seller.
 */
export async function seedQualityProgrammesDemo(
  s: Services,
  orders: { reportAccepted: string; fileAccepted: string },
) {
  const { designations: d, complaints: c } = s.quality;
  const operator = await loginAs(s, 'operator');
  const merchant = await loginAs(s, 'merchant');
  const certifier = await loginAs(s, 'certifier');
  const quancheng = await loginAs(s, 'quancheng');
  const [first, second] = await publishedResourcesOf(s.db, merchant.principal!.orgId!);
  if (first) {
    const a = await d.apply(merchant, {
      resourceId: first.id,
      level: 'provincial',
      qualityReportRef: null,
      updateRecord: '2024 年 1 月起按月更新，连续 24 期按期发布，无缺期',
      useCases: '支撑普惠小微企业授信、区域经济景气监测两类场景，已服务 6 家金融机构',
    });
    await d.assign(operator, a.id, certifier.principal!.orgId!);
    await d.review(certifier, a.id, {
      scores: scores(86),
      opinion: '数据质量稳定，覆盖全省 16 市，文档完备',
    });
    await d.decide(operator, a.id, true, '经专家评审，认定为 2026 年度省级高质量数据集');
  }
  if (second) {
    const b = await d.apply(merchant, {
      resourceId: second.id,
      level: 'municipal',
      qualityReportRef: null,
      updateRecord: '按季度更新，近 4 期按期发布',
      useCases: '商圈客流分析、门店选址',
    });
    await d.assign(operator, b.id, certifier.principal!.orgId!);
  }
  const late = await c.file(quancheng, {
    orderId: orders.reportAccepted,
    category: 'timeliness',
    description: '11 月报告晚于合同约定的每月 10 日交付，且缺少青岛市数据',
    evidenceNote: '交付记录截图、报告目录页',
  });
  await c.step(operator, late.id, 'investigate', '已受理，调取交付记录核查');
  const gaps = await c.file(quancheng, {
    orderId: orders.fileAccepted,
    category: 'quality',
    description: '交付文件中约 2% 的记录门店编码为空',
    evidenceNote: '抽样核对表（200 条）',
  });
  await c.step(operator, gaps.id, 'investigate', '已受理');
  await c.step(operator, gaps.id, 'requireRectification', '经核实，门店编码缺失属实，要求 5 个工作日内补正');
  await c.step(merchant, gaps.id, 'respond', '已补齐门店编码并重新交付，增加空值校验规则');
  await c.step(operator, gaps.id, 'confirm', '复核重新交付的文件，空值率为 0，整改到位');
}
