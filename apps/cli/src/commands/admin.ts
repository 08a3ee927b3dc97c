import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { ROLES, type Role } from '@shuliu/contracts';
import { withDatabase } from './db.js';

interface CreateUserOpts {
  username: string;
  displayName?: string;
  password?: string;
  passwordFile?: string;
  roles: string;
  orgId?: string;
  operatorOrgName?: string;
  operatorUscc?: string;
  contactPhone?: string;
}

export function adminCommand() {
  const admin = new Command('admin').description('administer accounts from the command line');
  admin
    .command('create-user')
    .description('create an active user; the first operator also creates the platform operator organization')
    .requiredOption('-u, --username <name>', 'login name')
    .option('-n, --display-name <name>', 'display name (default: the username)')
    .option('--password <password>', 'password (prefer --password-file or SHULIU_ADMIN_PASSWORD via a file)')
    .option('--password-file <path>', 'read the password from this file')
    .option('-r, --roles <roles>', `comma-separated roles: ${ROLES.join(', ')}`, 'operator,org_admin')
    .option('--org-id <id>', 'the organization (default: the platform operator org)')
    .option('--operator-org-name <name>', 'create the operator org with this name when none exists')
    .option('--operator-uscc <code>', '统一社会信用代码 of the operator org to create')
    .option('--contact-phone <mobile>', 'contact mobile of the operator org to create', '13800000000')
    .action(async (opts: CreateUserOpts) => {
      const roles = parseRoles(opts.roles);
      const password = opts.passwordFile ? readFileSync(opts.passwordFile, 'utf8').trim() : opts.password;
      if (!password || password.length < 10)
        throw new Error('give a password of at least 10 characters (--password or --password-file)');
      await withDatabase(async ({ db }, config) => {
        const { createServices, systemContext } = await import('@shuliu/core');
        const s = createServices(db, config);
        const ctx = systemContext('cli');
        let orgId = opts.orgId ?? (await s.identity.bootstrap.findOperatorOrgId());
        if (!orgId) {
          if (!opts.operatorOrgName || !opts.operatorUscc) {
            throw new Error(
              'no operator organization exists yet: give --operator-org-name and --operator-uscc to create it',
            );
          }
          orgId = await s.identity.bootstrap.createActiveOrg(ctx, {
            name: opts.operatorOrgName,
            uscc: opts.operatorUscc.toUpperCase(),
            types: ['operator'],
            contactName: opts.displayName ?? opts.username,
            contactPhone: opts.contactPhone ?? '13800000000',
          });
          console.log(`created operator organization ${opts.operatorOrgName} (${orgId})`);
        }
        const id = await s.identity.bootstrap.createActiveUser(ctx, {
          username: opts.username,
          displayName: opts.displayName ?? opts.username,
          password,
          orgId,
          roles,
        });
        console.log(`created user ${opts.username} (${id}) with roles ${roles.join(', ')}`);
      });
    });
  return admin;
}

function parseRoles(s: string): Role[] {
  const roles = s
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length || !roles.length)
    throw new Error(`unknown roles: ${bad.join(', ') || '(none given)'}; choose from ${ROLES.join(', ')}`);
  return roles as Role[];
}
