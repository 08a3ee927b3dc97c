import { idCardCheckChar } from '@shuliu/contracts';

/**
 * Generated, realistic-looking tables for the demo catalog: the ID numbers carry valid GB 11643 check
 * characters, the bank cards pass Luhn, so detection and masking have something real to work on. A fixed
 * seed keeps every demo the same.
 */
function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
];
const AREAS = [
  '370102',
  '370103',
  '370104',
  '370112',
  '370202',
  '370203',
  '370302',
  '370602',
  '370702',
  '370811',
];
const STREETS = ['经十路', '泉城路', '历山路', '解放路', '山大路', '燕山路', '花园路', '二环东路'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function idCard(r: () => number): string {
  const y = 1960 + Math.floor(r() * 45);
  const m = String(1 + Math.floor(r() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(r() * 28)).padStart(2, '0');
  const seq = String(Math.floor(r() * 1000)).padStart(3, '0');
  const first17 = `${pick(r, AREAS)}${y}${m}${d}${seq}`;
  return first17 + idCardCheckChar(first17);
}

function bankCard(r: () => number): string {
  let digits = '622848' + Array.from({ length: 12 }, () => Math.floor(r() * 10)).join('');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  digits += String((10 - (sum % 10)) % 10);
  return digits;
}

const mobile = (r: () => number) =>
  `1${pick(r, ['35', '38', '39', '58', '86', '88'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
const name = (r: () => number) => pick(r, [...SURNAMES]) + pick(r, GIVEN);
const address = (r: () => number) =>
  `山东省济南市${pick(r, ['历下区', '市中区', '槐荫区', '天桥区', '历城区'])}${pick(r, STREETS)}${1 + Math.floor(r() * 300)}号`;

const csv = (header: string[], rows: (string | number)[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** 普惠金融客户名单: personal information of borrowers (names, IDs, phones, cards, addresses). */
export function borrowersCsv(rows = 400): string {
  const r = rng(2026);
  return csv(
    ['客户姓名', '身份证号', '手机号', '银行卡号', '联系地址', '授信额度', '贷款余额', '逾期天数'],
    Array.from({ length: rows }, () => [
      name(r),
      idCard(r),
      mobile(r),
      bankCard(r),
      address(r),
      10000 * (1 + Math.floor(r() * 50)),
      Math.round(r() * 300000),
      r() < 0.9 ? 0 : Math.floor(r() * 120),
    ]),
  );
}

/** 物流运单时效: waybills with plates and drivers' phones, organization data. */
export function waybillsCsv(rows = 300): string {
  const r = rng(17);
  const cities = ['济南', '青岛', '烟台', '潍坊', '济宁', '临沂', '淄博', '德州'];
  return csv(
    ['运单号', '发货城市', '到达城市', '车牌号', '司机手机号', '发车时间', '时效小时', '货重吨'],
    Array.from({ length: rows }, (_, i) => {
      const day = String(1 + (i % 28)).padStart(2, '0');
      return [
        `HH2026${String(100000 + i)}`,
        pick(r, cities),
        pick(r, cities),
        `鲁${pick(r, ['A', 'B', 'F', 'G', 'H'])}${String(10000 + Math.floor(r() * 89999))}`,
        mobile(r),
        `2026-10-${day} ${String(Math.floor(r() * 24)).padStart(2, '0')}:00`,
        Math.round((4 + r() * 40) * 10) / 10,
        Math.round(r() * 300) / 10,
      ];
    }),
  );
}

/** 济南市公交站点: public data with nothing personal (openable without conditions). */
export function busStopsCsv(): string {
  const r = rng(5);
  const lines = ['K51', 'BRT1', '3', '5', '11', '18', 'K95', '102'];
  return csv(
    ['线路', '站点名称', '站序', '经度', '纬度', '首班时间', '末班时间'],
    lines.flatMap((line) =>
      Array.from({ length: 12 }, (_, i) => [
        line,
        `${pick(r, STREETS)}${pick(r, ['站', '东站', '西站', '路口'])}`,
        i + 1,
        (116.9 + r() * 0.3).toFixed(6),
        (36.6 + r() * 0.1).toFixed(6),
        '06:00',
        '22:00',
      ]),
    ),
  );
}

/** 企业用电量: monthly power usage by industry, public data opened on application. */
export function powerCsv(): string {
  const r = rng(9);
  const industries = ['制造业', '批发零售', '住宿餐饮', '信息技术', '建筑业', '交通运输'];
  return csv(
    ['月份', '行业', '企业数', '用电量万千瓦时'],
    ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].flatMap((m) =>
      industries.map((ind) => [m, ind, 200 + Math.floor(r() * 3000), Math.round(r() * 50000) / 10]),
    ),
  );
}
