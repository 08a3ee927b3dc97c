import { Readable } from 'node:stream';
import { loginAs } from '../demo/demo-login.js';
import type { Services } from '../services.js';

const DECLARED = ['truthful', 'lawfulSource', 'noInfringement', 'acceptReview'] as const;
const PASSED = { passed: true };

/**
 * `n` first registrations of the demo merchant, each through review and ready to issue (public notice
 * switched off for the run), for concurrency tests and the issuance benchmark. Needs the demo orgs.
 */
export async function approvedRegistrations(s: Services, n: number, tag = 'r'): Promise<string[]> {
  const merchant = await loginAs(s, 'merchant');
  const operator = await loginAs(s, 'operator');
  await s.registry.settings.update(operator, { noticeTypes: [] });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await s.catalog.resources.create(merchant, {
      title: `并发签发测试数据 ${tag}-${i}`,
      description: '用于并发签发测试的数据资源。',
      sectorCode: 'commerce',
      subjectType: 'organization',
      sourceKind: 'collected',
      sourceMethod: '自有业务系统采集',
      updateFrequency: 'monthly',
      keywords: [],
    });
    await s.catalog.files.upload(merchant, r.id, {
      name: '说明.txt',
      role: 'evidence',
      body: Readable.from([Buffer.from(`${tag}-${i}`)]),
    });
    const app = await s.registry.applications.create(merchant, {
      type: 'initial',
      category: 'data_property',
      resourceId: r.id,
      rights: ['holding', 'processing'],
      source: {},
      scope: '全部字段',
      declarations: [...DECLARED],
    });
    await s.registry.applications.submit(merchant, app.id);
    await s.registry.review.accept(operator, app.id, {});
    await s.registry.review.review(operator, app.id, {
      checklist: { descriptionAccuracy: PASSED, sourceCompliance: PASSED, rightsClarity: PASSED },
      opinion: '同意',
    });
    ids.push(app.id);
  }
  return ids;
}

export { loginAs };
