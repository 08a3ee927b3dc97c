import { idCardCheckChar } from '@shuliu/contracts';
import { testDbKind } from '@shuliu/core/testing';
import { describe, expect, it } from 'vitest';
import { useTwoServers } from '../testing-hooks.js';

// Two processes on one database need PostgreSQL: PGlite is one process by design.
describe.runIf(testDbKind() === 'postgres')('consent across two server processes on one PostgreSQL', () => {
  const servers = useTwoServers();

  const send = async <T>(base: string, method: string, path: string, token?: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as T };
  };
  const login = async (base: string, username: string) =>
    (
      await send<{ token: string }>(base, 'POST', '/api/auth/login', undefined, {
        username,
        password: 'Shuliu2026!',
      })
    ).body.token;

  it('a revocation on one process denies the very next check on the other', async () => {
    const { a, b } = servers();
    // a person of its own each attempt, so that a retried test does not meet the last one's
    const attempt = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
    const first = `37010219850505${attempt}`;
    const username = `proc-person-${attempt}`;
    const person = await send<{ userId: string }>(a.base, 'POST', '/api/consent/persons', undefined, {
      username,
      password: 'Shuliu2026!',
      displayName: '跨进程',
      idCard: first + idCardCheckChar(first),
      phone: `13800138${attempt}`,
    });
    expect(person.status).toBe(201);
    const [merchant, operator, me] = await Promise.all([
      login(a.base, 'merchant'),
      login(b.base, 'operator'),
      login(a.base, username),
    ]);
    const s = await send<{ id: string; versions: { id: string }[] }>(
      a.base,
      'POST',
      '/api/consent/scenarios',
      merchant,
      {
        title: '物流签收',
        purpose: '派送签收',
        legalBasis: '取得个人同意',
        recipient: '齐鲁数据科技有限公司',
        processingMethod: '人工派送',
        retentionDays: 30,
        crossBorder: false,
        automatedDecision: false,
        fields: [
          {
            name: 'mobile',
            label: '手机号',
            category: 'contact',
            required: true,
            justification: '联系收件人',
          },
        ],
      },
    );
    const versionId = s.body.versions[0]!.id;
    expect(
      (
        await send(b.base, 'POST', `/api/consent/scenarios/${s.body.id}/review`, operator, {
          versionId,
          approve: true,
        })
      ).status,
    ).toBe(200);
    const g = await send<{ id: string }>(a.base, 'POST', '/api/consent/grants', me, {
      versionId,
      fields: ['mobile'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(g.status).toBe(201);
    const check = () =>
      send<{ allow: boolean; reason: string }>(b.base, 'POST', '/api/consent/check', merchant, {
        subjectId: person.body.userId,
        versionId,
        fields: ['mobile'],
      });
    expect((await check()).body.allow).toBe(true);
    expect((await send(a.base, 'POST', `/api/consent/grants/${g.body.id}/revoke`, me, {})).status).toBe(200);
    expect((await check()).body).toEqual({
      allow: false,
      reason: 'revoked',
      grantId: g.body.id,
      missingFields: [],
    });
  }, 60_000);
});
