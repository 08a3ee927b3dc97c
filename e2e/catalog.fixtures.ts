import { expect } from 'vitest';
import { idCardCheckChar } from '@shuliu/contracts';

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军'];
const CITIES = ['济南市', '青岛市', '烟台市', '潍坊市', '临沂市'];

/** A 公民身份号码 with a real birth date and a correct GB 11643 check character. */
export function idCard(i: number): string {
  const birth = `19${70 + (i % 30)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
  const first17 = `370102${birth}${String(100 + i).slice(-3)}`;
  return first17 + idCardCheckChar(first17);
}

/** Customer records with names, mobiles and ID card numbers: what a data holder catalogues and masks. */
export function customersCsv(rows = 60): string {
  const lines = ['姓名,手机号码,身份证号,城市,年龄'];
  for (let i = 0; i < rows; i++) {
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!;
    const mobile = `13${(i % 10).toString()}${String(10_000_000 + i * 7919).slice(-8)}`;
    lines.push([name, mobile, idCard(i), CITIES[i % CITIES.length], 20 + ((i * 13) % 50)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Bus ridership per stop: public data without personal information. */
function ridershipCsv(): string {
  const rows = Array.from(
    { length: 20 },
    (_, i) => `站点${i},2026-01-${String(i + 1).padStart(2, '0')},${1000 + i * 37},${50 + i}`,
  );
  return ['站点,日期,客流,里程', ...rows].join('\n');
}

interface CallInit {
  method?: string;
  token?: string;
  body?: unknown;
  raw?: Buffer;
}

/** The API as a demo user: the open-data fixtures are made this way, not through the browser. */
export function catalogApi(baseUrl: string) {
  const call = async <T>(path: string, init: CallInit = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.body || init.raw ? 'POST' : 'GET'),
      headers: {
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...(init.raw && { 'content-type': 'application/octet-stream' }),
        ...(init.token && { authorization: `Bearer ${init.token}` }),
      },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return (await res.json()) as T;
  };
  const login = async (username: string, password: string) =>
    (await call<{ token: string }>('/api/auth/login', { body: { username, password } })).token;

  /** A published public resource with one profiled CSV file; returns its id. */
  const openResource = async (token: string, title: string, openClass: 'unconditional' | 'conditional') => {
    const r = await call<{ id: string }>('/api/catalog/resources', {
      token,
      body: {
        title,
        description: `${title}：济南市各站点的日均客流与运营里程统计，按日更新，向社会开放。`,
        sectorCode: 'transport.road',
        subjectType: 'public',
        sourceKind: 'collected',
        sourceMethod: '公交集团调度系统统计',
        updateFrequency: 'daily',
        format: 'csv',
        keywords: ['公交', '客流'],
        openClass,
      },
    });
    const f = await call<{ id: string }>(`/api/catalog/resources/${r.id}/files?name=flow.csv&role=data`, {
      token,
      raw: Buffer.from(ridershipCsv()),
    });
    const status = async () =>
      (await call<{ status: string }>(`/api/catalog/files/${f.id}`, { token })).status;
    await expect.poll(status, { timeout: 30_000 }).toBe('ready');
    await call(`/api/catalog/resources/${r.id}/publish`, { token, method: 'POST', body: {} });
    return r.id;
  };
  return { call, login, openResource };
}
