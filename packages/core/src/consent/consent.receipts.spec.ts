import { describe, expect, it } from 'vitest';
import { buildReceipt } from './consent.receipts.js';
import type { GrantRow } from './consent.repository.js';

const field = (name: string, category: string, sensitive = false) => ({
  name,
  label: name,
  category,
  required: true,
  justification: '识别借款人身份',
  sensitive,
  struck: false,
  strikeReason: null,
});

const grant = (over: Partial<GrantRow> = {}): GrantRow => ({
  id: 'cgr_1',
  subject_user_id: 'usr_ward',
  subject_name: '张小明',
  scenario_id: 'scn_1',
  scenario_title: '校园借阅',
  org_id: 'org_1',
  org_name: '齐鲁数据科技有限公司',
  version_id: 'scv_1',
  version: 1,
  purpose: '借阅登记',
  recipient: '齐鲁数据科技有限公司',
  processing_method: '人工处理',
  version_fields: [field('name', 'basic'), field('mobile', 'contact')],
  current_version_id: 'scv_1',
  fields: ['name', 'mobile'],
  expires_at: new Date('2027-01-01T00:00:00Z'),
  granted_by: 'usr_guardian',
  granted_at: new Date('2026-12-01T00:00:00Z'),
  revoked_at: null,
  replaced_by: null,
  separate_consent: true,
  ...over,
});
const version = { legal_basis: '取得个人同意', retention_days: 30, cross_border: false };
const purposeOf = (g: GrantRow) =>
  (
    buildReceipt('rcp_1', 'granted', new Date(), g, version).services[0] as unknown as {
      purposes: Record<string, unknown>[];
    }
  ).purposes[0]!;

describe('consent receipt (Kantara CR v1.1)', () => {
  it('PIPL Art. 31: records the separate consent the guardian gave, though the version did not ask for it', () => {
    expect(purposeOf(grant())).toMatchObject({ consentType: 'SEPARATE' });
    expect(purposeOf(grant({ separate_consent: false, granted_by: 'usr_ward' }))).toMatchObject({
      consentType: 'EXPLICIT',
    });
  });

  it('PIPL Art. 23: a third-party disclosure only when the recipient is another handler than the controller', () => {
    expect(purposeOf(grant())).toMatchObject({ thirdPartyDisclosure: false });
    expect(purposeOf(grant())).not.toHaveProperty('thirdPartyName');
    expect(purposeOf(grant({ recipient: '鲁信普惠小额贷款有限公司' }))).toMatchObject({
      thirdPartyDisclosure: true,
      thirdPartyName: '鲁信普惠小额贷款有限公司',
    });
  });
});
