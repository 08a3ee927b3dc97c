// Lint rules that keep the domains in packages/core/src/<domain>/ apart (DESIGN.md §3, docs/architecture.md):
//
// - domain-boundary: a domain may use another domain only through that domain's index.ts.
// - domain-tables: a domain's files query only the tables that domain owns. A table belongs to the domain
//   whose `*.tables.ts` lists it in its `export interface <Name>Tables { … }` (the interfaces db/schema.ts
//   joins into the Kysely DB); the map is read from those files when the rule loads, so a new table needs no
//   change here. A string naming another domain's table as the first argument of a query-builder call
//   (selectFrom, insertInto, updateTable, deleteFrom, mergeInto, innerJoin, leftJoin, rightJoin, fullJoin,
//   sql.table) or after FROM/JOIN/INTO/UPDATE in a `sql` template is an error: read the other domain through
//   its exported read helpers (identity.reads.ts, catalog.reads.ts…). Tests (*.spec.ts) may set up and
//   inspect any table. Not seen: table names built at run time and comma joins inside `sql` text.
//
// Infrastructure folders (shared, db, testing) and the package root are not domains.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NOT_DOMAINS = new Set(['shared', 'db', 'testing']);
const CORE = `${sep}packages${sep}core${sep}src${sep}`;
const CORE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/core/src');

function domainOf(path) {
  const i = path.indexOf(CORE);
  if (i < 0) return null;
  const rest = path.slice(i + CORE.length).split(sep);
  return rest.length > 1 ? { domain: rest[0], inner: rest.slice(1).join('/') } : null;
}

/** Table name → owning domain, from the `…Tables` interfaces of every `<domain>/*.tables.ts`. */
export function tableOwners(coreDir = CORE_DIR) {
  const owners = new Map();
  for (const domain of readdirSync(coreDir, { withFileTypes: true })) {
    if (!domain.isDirectory() || NOT_DOMAINS.has(domain.name)) continue;
    for (const file of readdirSync(join(coreDir, domain.name))) {
      if (!file.endsWith('.tables.ts')) continue;
      const text = readFileSync(join(coreDir, domain.name, file), 'utf8');
      for (const block of text.matchAll(/export interface \w+Tables\b[^{]*\{([^}]*)\}/g)) {
        for (const m of block[1].matchAll(/^\s*(\w+)\s*:/gm)) owners.set(m[1], domain.name);
      }
    }
  }
  return owners;
}

let cachedOwners;
const owners = () => (cachedOwners ??= tableOwners());

const BUILDER_CALLS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'table',
]);
const SQL_TABLE = /\b(?:from|join|into|update)\s+([a-z_][a-z0-9_]*)/gi;

const isSqlTag = (tag) =>
  (tag.type === 'Identifier' && tag.name === 'sql') ||
  (tag.type === 'TSInstantiationExpression' && isSqlTag(tag.expression));

export const domainBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'cross-domain imports go through the other domain’s index.ts' },
    messages: {
      deep: 'domain "{{from}}" may use domain "{{to}}" only through "{{to}}/index.js", not "{{inner}}"',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = domainOf(file);
    if (!own || NOT_DOMAINS.has(own.domain)) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = domainOf(resolve(dirname(file), source.value));
      if (!target || target.domain === own.domain || NOT_DOMAINS.has(target.domain)) return;
      if (target.inner === 'index.js' || target.inner === 'index.ts' || target.inner === 'index') return;
      context.report({
        node,
        messageId: 'deep',
        data: { from: own.domain, to: target.domain, inner: target.inner },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export const domainTables = {
  meta: {
    type: 'problem',
    docs: { description: 'a domain queries only its own tables; others through their read helpers' },
    messages: {
      foreign:
        'domain "{{from}}" may not query table "{{table}}" of domain "{{to}}": use the read helpers "{{to}}" exports',
    },
    schema: [{ type: 'object', properties: { coreDir: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const file = context.filename;
    const own = domainOf(file);
    if (!own || NOT_DOMAINS.has(own.domain) || /\.spec\.[cm]?[jt]s$/.test(file)) return {};
    const coreDir = context.options[0]?.coreDir;
    const map = coreDir ? tableOwners(coreDir) : owners();
    const check = (where, table) => {
      const to = map.get(table);
      if (to && to !== own.domain) {
        context.report({ ...where, messageId: 'foreign', data: { from: own.domain, table, to } });
      }
    };
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!BUILDER_CALLS.has(callee.property.name)) return;
        // sql.table('x') names a table; any other `.table(…)` is not a query builder
        if (
          callee.property.name === 'table' &&
          !(callee.object.type === 'Identifier' && callee.object.name === 'sql')
        )
          return;
        const arg = node.arguments[0];
        if (arg?.type === 'Literal' && typeof arg.value === 'string') {
          check({ node: arg }, arg.value.trim().split(/\s/)[0]);
        }
      },
      TaggedTemplateExpression(node) {
        if (!isSqlTag(node.tag)) return;
        for (const quasi of node.quasi.quasis) {
          // quasi.range starts at the ` or } before the text
          for (const m of quasi.value.raw.matchAll(SQL_TABLE)) {
            const at = quasi.range[0] + 1 + m.index + m[0].length - m[1].length;
            const loc = context.sourceCode.getLocFromIndex(at);
            check({ node: quasi, loc }, m[1]);
          }
        }
      },
    };
  },
};
