import { z } from 'zod';
import { IdParams } from './common.js';
import {
  OrgSigningKey,
  SetOrgSigningKeyBody,
  VerifyOrgSignatureBody,
  VerifyOrgSignatureReply,
} from './org-keys.js';
import { defineRoute, publicAccess, roles } from './route.js';

const tags = ['org-keys'];

/** Org signing keys: public keys for anyone to check signatures; the org's administrator sets its key. */
export const orgKeyRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/orgs/:id/signing-keys',
    summary: 'An org’s signing keys, retired ones included: the public keys its signatures are checked with',
    tags,
    access: publicAccess,
    params: IdParams('org'),
    response: z.object({ items: z.array(OrgSigningKey) }),
  }),
  set: defineRoute({
    method: 'POST',
    path: '/api/orgs/:id/signing-keys',
    summary:
      'Create or rotate to a platform-custodied key, or register the org’s own public key (org_admin, password re-entered)',
    tags,
    access: roles('org_admin'),
    params: IdParams('org'),
    body: SetOrgSigningKeyBody,
    response: OrgSigningKey,
    status: 201,
    audit: 'crypto.org_key.set',
  }),
  verify: defineRoute({
    method: 'POST',
    path: '/api/signatures/verify',
    summary: 'Check an org signature over a document with the key it names (retired keys too)',
    tags,
    access: publicAccess,
    body: VerifyOrgSignatureBody,
    response: VerifyOrgSignatureReply,
    audit: 'crypto.signature.verify',
  }),
};
