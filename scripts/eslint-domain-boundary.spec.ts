import { join, resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { domainBoundary, domainTables, tableOwners } from './eslint-domain-boundary.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const core = resolve(import.meta.dirname, '../packages/core/src');
const file = (path: string) => join(core, path);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const foreign = (table: string, from: string, to: string) => ({
  messageId: 'foreign',
  data: { table, from, to },
});

describe('table ownership', () => {
  it('is read from each domain’s *.tables.ts', () => {
    const owners = tableOwners();
    expect(owners.get('orgs')).toBe('identity');
    expect(owners.get('users')).toBe('identity');
    expect(owners.get('catalog_resources')).toBe('catalog');
    expect(owners.get('catalog_impact_assessments')).toBe('catalog');
    expect(owners.get('consent_grants')).toBe('consent');
    expect(owners.get('registry_certificates')).toBe('registry');
  });
});

tester.run('domain-tables', domainTables, {
  valid: [
    // a domain queries its own tables, in the builder and in sql text
    { code: "db.selectFrom('orgs').selectAll()", filename: file('identity/identity.reads.ts') },
    {
      code: 'sql`select s.* from consent_scenarios s join consent_grants g on g.scenario_id = s.id`',
      filename: file('consent/consent.repository.ts'),
    },
    // another domain's table through its read helper
    {
      code: "db.selectFrom('catalog_resources as r').select(orgName('r.owner_org_id').as('owner_org_name'))",
      filename: file('catalog/catalog.repository.ts'),
    },
    // tests set up and inspect whatever they need
    { code: "db.updateTable('orgs').set({ status: 'suspended' })", filename: file('catalog/x.int.spec.ts') },
    // outside the domains: infrastructure, the wiring, the apps
    { code: "db.selectFrom('orgs')", filename: file('testing/test-db.ts') },
    { code: "db.selectFrom('orgs')", filename: resolve(core, '../../../apps/server/src/x.ts') },
    // words that only look like tables, and a `.table()` that is not sql.table
    { code: 'sql`select count(*) as users from consent_checks`', filename: file('consent/x.ts') },
    { code: "form.table('orgs')", filename: file('consent/x.ts') },
  ],
  invalid: [
    {
      code: "db.selectFrom('orgs').select('name')",
      filename: file('consent/consent.repository.ts'),
      errors: [foreign('orgs', 'consent', 'identity')],
    },
    {
      code: "db.selectFrom('catalog_files as f').innerJoin('catalog_resources as r', 'r.id', 'f.resource_id').leftJoin('orgs as o', 'o.id', 'r.owner_org_id')",
      filename: file('registry/x.repository.ts'),
      errors: [
        foreign('catalog_files', 'registry', 'catalog'),
        foreign('catalog_resources', 'registry', 'catalog'),
        foreign('orgs', 'registry', 'identity'),
      ],
    },
    {
      code: "tx.insertInto('notifications').values(row); tx.deleteFrom('users'); tx.updateTable('orgs'); sql.table('users')",
      filename: file('catalog/x.service.ts'),
      errors: [
        foreign('notifications', 'catalog', 'notifications'),
        foreign('users', 'catalog', 'identity'),
        foreign('orgs', 'catalog', 'identity'),
        foreign('users', 'catalog', 'identity'),
      ],
    },
    {
      code: 'sql<{ n: string }>`select q.*, o.name from sharing_requests q\n  left join orgs o on o.id = q.org_id where ${where}`',
      filename: file('consent/x.repository.ts'),
      errors: [
        { ...foreign('sharing_requests', 'consent', 'sharing'), line: 1 },
        { ...foreign('orgs', 'consent', 'identity'), line: 2 },
      ],
    },
    {
      code: 'sql`select 1 from ${t} x join users u on u.id = x.user_id`',
      filename: file('demo/seed.ts'),
      errors: [foreign('users', 'demo', 'identity')],
    },
  ],
});

tester.run('domain-boundary', domainBoundary, {
  valid: [
    { code: "import { orgName } from '../identity/index.js';", filename: file('catalog/x.ts') },
    { code: "import { x } from './catalog.repository.js';", filename: file('catalog/x.ts') },
    { code: "import { sql } from '../shared/sql.js';", filename: file('catalog/x.ts') },
  ],
  invalid: [
    {
      code: "import { identityRepository } from '../identity/identity.repository.js';",
      filename: file('catalog/x.ts'),
      errors: [{ messageId: 'deep' }],
    },
  ],
});
