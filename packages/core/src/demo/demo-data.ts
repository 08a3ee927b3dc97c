import type { DirectOrg } from '../identity/index.js';
import type { OrgType, Role } from '@shuliu/contracts';
import { makeUscc } from './uscc.js';

/** Every demo account logs in with this password (see README). */
export const DEMO_PASSWORD = 'Shuliu2026!';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  phone?: string;
  email?: string;
}

export const DEMO_PLATFORM_ORGS: { key: string; org: DirectOrg; users: DemoUser[] }[] = [
  {
    key: 'bureau',
    org: {
      name: '山东省大数据局',
      nameEn: 'Shandong Provincial Big Data Bureau',
      uscc: makeUscc('11', '370000', 'MB2857X1'),
      types: ['operator', 'authority'] as OrgType[],
      region: '山东省·济南市',
      contactName: '王建国',
      contactPhone: '13805310001',
      contactEmail: 'platform@sdbdb.example.cn',
    },
    users: [
      {
        username: 'operator',
        displayName: '王建国（平台运营）',
        roles: ['operator', 'org_admin'],
        phone: '13805310001',
      },
      { username: 'reviewer', displayName: '李婷（入驻审核）', roles: ['operator'], phone: '13805310002' },
      { username: 'bureau-authority', displayName: '赵磊（公共数据管理）', roles: ['authority'] },
    ],
  },
  {
    key: 'cac',
    org: {
      name: '中共山东省委网络安全和信息化委员会办公室',
      nameEn: 'Shandong Cyberspace Administration',
      uscc: makeUscc('11', '370000', 'MB156927'),
      types: ['regulator'] as OrgType[],
      region: '山东省·济南市',
      contactName: '陈静',
      contactPhone: '13905310011',
    },
    users: [{ username: 'regulator', displayName: '陈静（网信监管）', roles: ['regulator', 'org_admin'] }],
  },
  {
    key: 'jinan',
    org: {
      name: '济南市大数据局',
      nameEn: 'Jinan Big Data Bureau',
      uscc: makeUscc('11', '370100', 'MB0D4712'),
      types: ['authority'] as OrgType[],
      region: '山东省·济南市',
      contactName: '刘洋',
      contactPhone: '13705310021',
    },
    users: [
      { username: 'authority', displayName: '刘洋（公共数据主管）', roles: ['authority', 'org_admin'] },
    ],
  },
];

interface DemoApplicant {
  key: string;
  org: {
    name: string;
    nameEn?: string;
    uscc: string;
    types: Exclude<OrgType, 'operator' | 'regulator'>[];
    merchantKinds?: ('technical' | 'service' | 'application')[];
    providerKinds?: ('certifier' | 'valuer' | 'auditor' | 'mediator' | 'arbitrator' | 'broker')[];
    region?: string;
    contactName: string;
    contactPhone: string;
    contactEmail?: string;
  };
  admin: { username: string; displayName: string; phone?: string; email?: string };
  decision: 'approve' | 'reject' | 'pending';
  note?: string;
}

export const DEMO_APPLICANTS: DemoApplicant[] = [
  {
    key: 'qilu',
    decision: 'approve',
    note: '材料齐全，准予入驻',
    org: {
      name: '齐鲁数据科技有限公司',
      nameEn: 'Qilu Data Technology Co., Ltd.',
      uscc: makeUscc('91', '370100', 'MA3C8K2P'),
      types: ['merchant'],
      merchantKinds: ['technical'],
      region: '山东省·济南市',
      contactName: '孙浩',
      contactPhone: '15805310101',
      contactEmail: 'bd@qiludata.example.cn',
    },
    admin: { username: 'merchant', displayName: '孙浩（齐鲁数据）', phone: '15805310101' },
  },
  {
    key: 'quancheng',
    decision: 'approve',
    org: {
      name: '泉城数智信息服务有限公司',
      uscc: makeUscc('91', '370102', 'MA94TQ1L'),
      types: ['merchant', 'buyer'],
      merchantKinds: ['service', 'application'],
      region: '山东省·济南市',
      contactName: '周敏',
      contactPhone: '15805310102',
    },
    admin: { username: 'quancheng', displayName: '周敏（泉城数智）' },
  },
  {
    key: 'luxin',
    decision: 'approve',
    note: '金融机构资质已核验',
    org: {
      name: '鲁信普惠金融科技有限公司',
      nameEn: 'Luxin Inclusive Fintech Co., Ltd.',
      uscc: makeUscc('91', '370200', 'MA7B2R6W'),
      types: ['buyer'],
      region: '山东省·青岛市',
      contactName: '吴倩',
      contactPhone: '18605320103',
    },
    admin: { username: 'buyer', displayName: '吴倩（鲁信普惠）' },
  },
  {
    key: 'huanghe',
    decision: 'approve',
    org: {
      name: '黄河流域物流集团有限公司',
      uscc: makeUscc('91', '370800', 'MA5E9N3H'),
      types: ['buyer'],
      region: '山东省·济宁市',
      contactName: '郑强',
      contactPhone: '18605370104',
    },
    admin: { username: 'huanghe', displayName: '郑强（黄河物流）' },
  },
  {
    key: 'valuer',
    decision: 'approve',
    org: {
      name: '山东衡信数据资产评估有限公司',
      uscc: makeUscc('91', '370100', 'MA6H4D8J'),
      types: ['provider'],
      providerKinds: ['certifier', 'valuer'],
      region: '山东省·济南市',
      contactName: '冯磊',
      contactPhone: '13605310105',
    },
    admin: { username: 'certifier', displayName: '冯磊（衡信评估）' },
  },
  {
    key: 'yantai',
    decision: 'pending',
    org: {
      name: '烟台海洋数据服务有限公司',
      nameEn: 'Yantai Ocean Data Services Co., Ltd.',
      uscc: makeUscc('91', '370600', 'MA8K3U5T'),
      types: ['merchant'],
      merchantKinds: ['application'],
      region: '山东省·烟台市',
      contactName: '韩雪',
      contactPhone: '17705350106',
    },
    admin: { username: 'yantai', displayName: '韩雪（烟台海洋数据）' },
  },
  {
    key: 'weifang',
    decision: 'pending',
    org: {
      name: '潍坊农业大数据有限公司',
      uscc: makeUscc('91', '370700', 'MA2F7Y9C'),
      types: ['merchant', 'buyer'],
      merchantKinds: ['technical'],
      region: '山东省·潍坊市',
      contactName: '杨帆',
      contactPhone: '17705360107',
    },
    admin: { username: 'weifang', displayName: '杨帆（潍坊农业大数据）' },
  },
  {
    key: 'linyi',
    decision: 'reject',
    note: '营业执照经营范围不含数据服务，请补充相关资质后重新提交',
    org: {
      name: '临沂商贸信息咨询有限公司',
      uscc: makeUscc('91', '371300', 'MA1N6P4R'),
      types: ['merchant'],
      merchantKinds: ['service'],
      region: '山东省·临沂市',
      contactName: '何军',
      contactPhone: '13905390108',
    },
    admin: { username: 'linyi', displayName: '何军（临沂商贸）' },
  },
];

export const DEMO_EXTRA_USERS: { createdBy: string; orgKey: string; user: DemoUser }[] = [
  {
    createdBy: 'merchant',
    orgKey: 'qilu',
    user: { username: 'merchant2', displayName: '钱程（齐鲁数据·产品经理）', roles: ['merchant'] },
  },
  {
    createdBy: 'merchant',
    orgKey: 'qilu',
    user: { username: 'qilu-agent', displayName: '齐鲁数据域内计算节点', roles: ['agent'] },
  },
  {
    createdBy: 'buyer',
    orgKey: 'luxin',
    user: { username: 'buyer2', displayName: '林悦（鲁信普惠·风控）', roles: ['buyer'] },
  },
  {
    createdBy: 'regulator',
    orgKey: 'cac',
    user: { username: 'regulator2', displayName: '许诺（网信执法）', roles: ['regulator'] },
  },
];
