// Lint rule: a domain in packages/core/src/<domain>/ may use another domain only through that domain's
// index.ts (DESIGN.md §3). Infrastructure folders (shared, db, testing) and the package root are not domains.
import { dirname, resolve, sep } from 'node:path';

const NOT_DOMAINS = new Set(['shared', 'db', 'testing']);
const CORE = `${sep}packages${sep}core${sep}src${sep}`;

function domainOf(path) {
  const i = path.indexOf(CORE);
  if (i < 0) return null;
  const rest = path.slice(i + CORE.length).split(sep);
  return rest.length > 1 ? { domain: rest[0], inner: rest.slice(1).join('/') } : null;
}

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
