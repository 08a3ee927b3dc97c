import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicy, type PolicyIssue } from './rules/odrl.js';
import { offer, SHANDONG_OFFER } from './rules/odrl.fixtures.js';

/** Dataspace Protocol 2025-1 examples, kept in the repository's testdata/ (see its README). */
const DSP = join(import.meta.dirname, '../../../testdata/dsp');
const dsp = (path: string) => JSON.parse(readFileSync(join(DSP, path), 'utf8')) as Record<string, unknown>;
/** A DSP message's policy inherits the message's @context; an offer's assigner is the provider. */
const embedded = (message: Record<string, unknown>, key: string, extra: Record<string, unknown> = {}) => ({
  '@context': message['@context'],
  assigner: 'urn:example:DataProviderA',
  ...extra,
  ...(message[key] as object),
});

const issuesOf = (json: unknown): PolicyIssue[] => {
  const r = validatePolicy(json);
  if (r.ok) throw new Error('expected the policy to be refused');
  return r.issues;
};
const useWith = (...constraint: unknown[]) => offer({ permission: [{ action: 'use', constraint }] });
const purpose = (rightOperand: unknown, operator = 'isAnyOf') => ({
  leftOperand: 'purpose',
  operator,
  rightOperand,
});

describe('usage policy contract: Dataspace Protocol examples', () => {
  it.each([
    ['negotiation/example/contract-offer-message.json', 'offer'],
    ['negotiation/example/contract-offer-message_initial.json', 'offer'],
    ['negotiation/example/contract-request-message.json', 'offer'],
    ['negotiation/example/contract-request-message_initial.json', 'offer'],
    ['negotiation/example/contract-agreement-message.json', 'agreement'],
  ])('accepts the policy of %s and reads it to a form that validates again', (file, key) => {
    const message = dsp(file);
    const r = validatePolicy(embedded(message, key));
    expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
    if (!r.ok) return;
    const source = message[key] as { '@id': string; '@type': string };
    expect(r.policy.uid).toBe(source['@id']);
    expect(r.policy['@type']).toBe(source['@type']);
    expect(r.policy.permission![0]!.action).toBe('use');
    expect(validatePolicy(r.policy)).toEqual({ ok: true, policy: r.policy });
  });

  it('keeps the DSP date-time without seconds and an Agreement with both parties', () => {
    const r = validatePolicy(
      embedded(dsp('negotiation/example/contract-agreement-message.json'), 'agreement'),
    );
    expect(r.ok && r.policy).toMatchObject({
      '@type': 'Agreement',
      assigner: 'http://example.com/Provider',
      assignee: 'http://example.com/Consumer',
      timestamp: '2023-01-01T01:00:00Z',
      permission: [
        {
          action: 'use',
          constraint: [{ leftOperand: 'dateTime', operator: 'lteq', rightOperand: '2023-12-31T06:00Z' }],
        },
      ],
    });
  });

  it('refuses the full agreement: its left operands are no ODRL ones and andSequence is not evaluated', () => {
    const issues = issuesOf(
      embedded(dsp('negotiation/example/contract-agreement-message-full.json'), 'agreement'),
    );
    expect(issues).toContainEqual({
      path: 'permission[1].constraint[0].and[0].leftOperand',
      message: 'unknown left operand "partner"',
    });
    expect(issues).toContainEqual({
      path: 'permission[4].constraint[0]',
      message: 'Unrecognized key: "andSequence"',
    });
    expect(issues).toContainEqual({
      path: 'permission[6].constraint[0].or[0].and[0].leftOperand',
      message: 'unknown left operand "constraint1"',
    });
  });

  it("refuses the dataset's offer: spatial _:EU is no GB/T 2260 division code", () => {
    const dataset = dsp('catalog/example/dataset.json');
    const policy = {
      ...embedded(dataset, 'x', { target: dataset['@id'] }),
      ...(dataset.hasPolicy as object[])[0],
    };
    expect(issuesOf(policy)).toEqual([
      {
        path: 'permission[0].constraint[0].rightOperand',
        message: '"_:EU" must be a 6-digit GB/T 2260 division code',
      },
    ]);
  });
});

describe('usage policy contract: normal form', () => {
  it('reads odrl: terms, @id and typed literals to the bare form the evaluator uses', () => {
    const r = validatePolicy({
      ...offer({}),
      uid: undefined,
      '@id': 'urn:uuid:p1',
      '@type': 'odrl:Offer',
      permission: [
        {
          action: 'odrl:use',
          constraint: [
            {
              leftOperand: 'odrl:purpose',
              operator: 'odrl:isAnyOf',
              rightOperand: [' research ', { '@value': 'urban_planning' }],
            },
            {
              leftOperand: 'dateTime',
              operator: 'lt',
              rightOperand: { '@value': '2027-12-31', '@type': 'xsd:date' },
            },
            { leftOperand: 'count', operator: 'lteq', rightOperand: '10000' },
          ],
          duty: [
            {
              action: 'compensate',
              constraint: [{ leftOperand: 'payAmount', operator: 'eq', rightOperand: 500 }],
            },
          ],
        },
      ],
    });
    expect(r.ok && r.policy).toEqual({
      '@context': offer({})['@context'],
      '@type': 'Offer',
      uid: 'urn:uuid:p1',
      assigner: 'org_provider',
      target: 'prd_traffic',
      permission: [
        {
          action: 'use',
          constraint: [
            { leftOperand: 'purpose', operator: 'isAnyOf', rightOperand: ['research', 'urban_planning'] },
            { leftOperand: 'dateTime', operator: 'lt', rightOperand: '2027-12-31' },
            { leftOperand: 'count', operator: 'lteq', rightOperand: 10000 },
          ],
          duty: [
            {
              action: 'compensate',
              constraint: [{ leftOperand: 'payAmount', operator: 'eq', rightOperand: '500.00' }],
            },
          ],
        },
      ],
    });
  });

  it('accepts the Shandong offer, a Set without an assigner, and logical constraints two levels deep', () => {
    expect(validatePolicy(SHANDONG_OFFER).ok).toBe(true);
    expect(
      validatePolicy({
        ...offer({ prohibition: [{ action: 'distribute' }] }),
        '@type': 'Set',
        assigner: undefined,
      }).ok,
    ).toBe(true);
    const nested = {
      or: [
        {
          and: [
            purpose('research', 'eq'),
            { leftOperand: 'spatial', operator: 'eq', rightOperand: '370000' },
          ],
        },
        purpose(['urban_planning']),
      ],
    };
    expect(validatePolicy(useWith(nested)).ok).toBe(true);
  });
});

describe('usage policy contract: refusals name the path', () => {
  it('an unknown left operand, action or operator', () => {
    expect(
      issuesOf(useWith(purpose(['research']), { leftOperand: 'foo', operator: 'eq', rightOperand: 'x' })),
    ).toEqual([{ path: 'permission[0].constraint[1].leftOperand', message: 'unknown left operand "foo"' }]);
    expect(issuesOf(offer({ permission: [{ action: 'sell' }] }))).toEqual([
      { path: 'permission[0].action', message: 'unknown action "sell"' },
    ]);
    expect(issuesOf(useWith(purpose('research', 'startsWith')))[0]).toEqual({
      path: 'permission[0].constraint[0].operator',
      message: 'unknown operator "startsWith"',
    });
  });

  it('a malformed date, a time without an offset, a bad duration or count', () => {
    const at = (rightOperand: unknown, leftOperand = 'dateTime', operator = 'lteq') =>
      issuesOf(useWith({ leftOperand, operator, rightOperand }))[0];
    expect(at('2027-02-30')).toEqual({
      path: 'permission[0].constraint[0].rightOperand',
      message: '2027-02-30 is not a real date',
    });
    expect(at('31/12/2027')?.message).toMatch(/ISO 8601 date or date-time with an offset/);
    expect(at('2027-12-31T10:00')?.message).toMatch(/with an offset/);
    expect(at('2027-12-31T25:00Z')?.message).toMatch(/not a real time/);
    expect(at('30 days', 'elapsedTime')?.message).toMatch(/ISO 8601 duration/);
    expect(at('P', 'elapsedTime')?.message).toMatch(/ISO 8601 duration/);
    expect(at(-1, 'count')?.message).toMatch(/whole number/);
    expect(at(2.5, 'count')?.message).toMatch(/whole number/);
  });

  it('a bad division code, and a bad one inside a list', () => {
    const spatial = (rightOperand: unknown, operator = 'eq') =>
      useWith({ leftOperand: 'spatial', operator, rightOperand });
    expect(issuesOf(spatial('37010'))[0]?.message).toMatch(/6-digit GB\/T 2260/);
    expect(issuesOf(spatial(['370000', '990000'], 'isAnyOf'))).toEqual([
      {
        path: 'permission[0].constraint[0].rightOperand[1]',
        message: '"990000" no province has the GB/T 2260 prefix 99',
      },
    ]);
  });

  it('an operator that does not fit the operand, or a list where one value belongs', () => {
    expect(issuesOf(useWith(purpose('research', 'lt')))).toEqual([
      {
        path: 'permission[0].constraint[0].operator',
        message: 'operator "lt" is not valid for purpose (use eq, neq, isAnyOf, isNoneOf)',
      },
    ]);
    expect(issuesOf(useWith(purpose('research')))[0]?.message).toBe('isAnyOf takes a list of values');
    expect(issuesOf(useWith(purpose(['research'], 'eq')))[0]?.message).toBe('eq takes one value, not a list');
    expect(
      issuesOf(useWith({ leftOperand: 'shuliu:recipientOrgType', operator: 'eq', rightOperand: 'bank' }))[0]
        ?.message,
    ).toMatch(/organization type must be one of operator, regulator/);
    const pay = { leftOperand: 'payAmount', operator: 'eq', rightOperand: '1.00' };
    expect(issuesOf(useWith({ or: [purpose('research', 'eq'), pay] }))).toEqual([
      {
        path: 'permission[0].constraint[0].or[1].leftOperand',
        message: 'payAmount belongs in a compensate duty, not in a permission or prohibition',
      },
    ]);
  });

  it('Shuliu terms without the shuliu prefix declared, and a context that redefines terms', () => {
    const orgType = { leftOperand: 'shuliu:recipientOrgType', operator: 'eq', rightOperand: 'buyer' };
    expect(issuesOf({ ...useWith(orgType), '@context': 'http://www.w3.org/ns/odrl.jsonld' })).toEqual([
      { path: '@context', message: 'uses shuliu: terms but does not declare {"shuliu": "urn:shuliu:odrl:"}' },
    ]);
    const inDuty = offer({
      permission: [{ action: 'use', duty: [{ action: 'delete', constraint: [orgType] }] }],
    });
    expect(issuesOf({ ...inDuty, '@context': 'http://www.w3.org/ns/odrl.jsonld' })[0]?.path).toBe('@context');
    expect(
      issuesOf({
        ...useWith(),
        '@context': ['http://www.w3.org/ns/odrl.jsonld', { use: 'http://example.com/x' }],
      })[0]?.path,
    ).toBe('@context');
    expect(issuesOf({ ...useWith(), '@context': [{ shuliu: 'urn:shuliu:odrl:' }] })[0]?.path).toBe(
      '@context',
    );
  });

  it('the parties ODRL requires, one identifier, at least one rule, no keys it does not know', () => {
    expect(issuesOf({ ...useWith(), assigner: undefined })).toEqual([
      { path: 'assigner', message: 'an Offer names its assigner' },
    ]);
    expect(issuesOf({ ...useWith(), '@type': 'Agreement' })).toEqual([
      { path: 'assignee', message: 'an Agreement names its assignee' },
    ]);
    expect(issuesOf({ ...useWith(), '@id': 'urn:x' })[0]?.path).toBe('uid');
    expect(issuesOf(offer({}))[0]?.message).toMatch(/at least one permission/);
    expect(issuesOf(offer({ permission: [{ action: 'use', refinement: [] }] }))[0]).toEqual({
      path: 'permission[0]',
      message: 'Unrecognized key: "refinement"',
    });
    expect(issuesOf('not a policy')[0]?.path).toBe('');
  });
});

describe('usage policy contract: bounds', () => {
  const many = <T>(n: number, f: (i: number) => T) => Array.from({ length: n }, (_, i) => f(i));

  it('at most 50 rules per list and in all', () => {
    expect(issuesOf(offer({ permission: many(51, () => ({ action: 'use' })) }))).toEqual([
      { path: 'permission', message: 'at most 50 rules' },
    ]);
    expect(
      issuesOf(
        offer({
          permission: many(30, () => ({ action: 'use' })),
          prohibition: many(30, () => ({ action: 'transfer' })),
        }),
      ),
    ).toEqual([{ path: '', message: 'at most 50 rules in all, found 60' }]);
  });

  it('at most 20 constraints in a rule, counting those inside logical ones, nested two levels at most', () => {
    expect(issuesOf(useWith(...many(21, () => purpose(['research']))))).toEqual([
      { path: 'permission[0].constraint', message: 'at most 20 constraints' },
    ]);
    expect(
      issuesOf(
        useWith(
          { and: many(11, () => purpose(['research'])) },
          { or: many(10, () => purpose(['research'])) },
        ),
      ),
    ).toEqual([
      {
        path: 'permission[0].constraint',
        message: 'at most 20 constraints, those inside and/or/xone included',
      },
    ]);
    expect(issuesOf(useWith({ and: [{ or: [{ xone: [purpose(['research'])] }] }] }))).toEqual([
      {
        path: 'permission[0].constraint[0].and[0].or[0].xone',
        message: 'logical constraints nest at most 2 levels',
      },
    ]);
  });

  it('at most 50 values in a list, 512 characters in a string, 10 duties, and 50 issues in an answer', () => {
    expect(issuesOf(useWith(purpose(many(51, (i) => `p${i}`))))[0]).toEqual({
      path: 'permission[0].constraint[0].rightOperand',
      message: 'must list 1 to 50 values',
    });
    expect(issuesOf(useWith(purpose(['x'.repeat(513)])))[0]?.path).toBe(
      'permission[0].constraint[0].rightOperand[0]',
    );
    expect(issuesOf({ ...useWith(), target: 'x'.repeat(513) })[0]?.path).toBe('target');
    expect(
      issuesOf(offer({ permission: [{ action: 'use', duty: many(11, () => ({ action: 'delete' })) }] }))[0]
        ?.path,
    ).toBe('permission[0].duty');
    const hostile = offer({
      permission: many(50, () => ({ action: 'use', constraint: many(20, () => purpose('x', 'lt')) })),
    });
    expect(issuesOf(hostile)).toHaveLength(50);
  });
});
