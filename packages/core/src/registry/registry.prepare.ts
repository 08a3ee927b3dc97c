import type { RegistrationInput } from '@shuliu/contracts';
import { orgById } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { certificatesRepository as certs, type CertificateRow } from './certificates.repository.js';
import { checkCertificate } from './registry.checks.js';
import { shanghaiDay } from './registry.calendar.js';
import {
  BadCounterparty,
  NotHolder,
  OwnObjection,
  PledgeeNotFinancial,
  RightsNotHeld,
  TermBeyondCertificate,
} from './registry.errors.js';
import { isFinancialOrg } from './registry.rules.js';
import type { StoredTerms } from './registry.tables.js';
import type { RegistryDeps } from './registry.support.js';

/** An application's content as stored: what the applicant asked for, checked against the parties. */
export interface Prepared {
  type: RegistrationInput['type'];
  category: string;
  object_id: string;
  object_title: string;
  certificate_id: string | null;
  rights: string[];
  source_kind: string | null;
  source_description: string | null;
  source_valid_until: string | null;
  format: string | null;
  update_frequency: string | null;
  scope: string | null;
  counterparty_org_id: string | null;
  terms: StoredTerms;
  reason: string | null;
  declarations: string[];
}

type Body<T extends RegistrationInput['type']> = Extract<RegistrationInput, { type: T }>;

async function initial(deps: RegistryDeps, ctx: RequestContext, orgId: string, b: Body<'initial'>) {
  const r = await deps.resources.get(ctx, b.resourceId);
  if (r.ownerOrgId !== orgId) throw NotHolder('only the organization that catalogued the data registers it');
  return {
    category: b.category,
    object_id: r.id,
    object_title: r.title,
    certificate_id: null,
    rights: b.rights,
    source_kind: r.sourceKind,
    source_description: b.source.description ?? r.sourceMethod,
    source_valid_until: b.source.validUntil ?? null,
    format: b.format ?? r.format,
    update_frequency: b.updateFrequency ?? r.updateFrequency,
    scope: b.scope,
  };
}

/** An active organization other than the holder, to take a part (transferee, licensee, pledgee). */
async function counterparty(deps: RegistryDeps, id: string, c: CertificateRow, field: string) {
  const org = await orgById(deps.db, id);
  if (!org || org.status !== 'active') throw BadCounterparty(`no active organization ${id}`, { field });
  if (org.id === c.holder_org_id) throw BadCounterparty('the holder cannot take this part itself', { field });
  return org;
}

/** 许可: rights the certificate holds, for a term inside its validity. */
async function license(
  deps: RegistryDeps,
  b: Extract<RegistrationInput, { type: 'license' }>,
  c: CertificateRow,
) {
  await counterparty(deps, b.licenseeOrgId, c, 'licenseeOrgId');
  if (b.rights.some((r) => !c.rights.includes(r))) throw RightsNotHeld(undefined, { field: 'rights' });
  const [first, last] = [shanghaiDay(new Date(c.valid_from)), shanghaiDay(new Date(c.valid_until))];
  if (b.validFrom > b.validUntil || b.validUntil > last || b.validFrom < first)
    throw TermBeyondCertificate(`the license term must lie within ${first} … ${last}`, {
      field: 'validUntil',
    });
  const terms = { validFrom: b.validFrom, validUntil: b.validUntil, exclusive: b.exclusive };
  return { counterparty_org_id: b.licenseeOrgId, terms, rights: b.rights, scope: b.scope };
}

async function dealing(
  deps: RegistryDeps,
  b: Exclude<RegistrationInput, { type: 'initial' | 'objection' }>,
  c: CertificateRow,
) {
  const base = {
    counterparty_org_id: null as string | null,
    terms: {} as StoredTerms,
    reason: null as string | null,
  };
  switch (b.type) {
    case 'transfer':
      await counterparty(deps, b.toOrgId, c, 'toOrgId');
      return { ...base, counterparty_org_id: b.toOrgId, reason: b.reason };
    case 'license':
      return { ...base, ...(await license(deps, b, c)) };
    case 'pledge': {
      const org = await counterparty(deps, b.pledgeeOrgId, c, 'pledgeeOrgId');
      if (!isFinancialOrg(org, await deps.settings.get()))
        throw PledgeeNotFinancial(`${org.name} is not accepted as a financial institution (质权人)`, {
          field: 'pledgeeOrgId',
        });
      const terms = { securedAmountFen: b.securedAmountFen, validUntil: b.validUntil };
      return { ...base, counterparty_org_id: org.id, terms };
    }
    case 'change':
      return { ...base, terms: { changes: b.changes }, reason: b.reason, scope: b.changes.scope ?? c.scope };
    case 'renew':
      return { ...base, terms: { sourceValidUntil: b.sourceValidUntil }, reason: b.reason ?? null };
    case 'release':
      return { ...base, counterparty_org_id: c.pledgee_org_id, reason: b.reason ?? null };
    case 'cancel':
      return { ...base, reason: b.reason };
  }
}

/** Objectors are anyone but the holder; the holder deals in its certificate; the pledgee may release it. */
function checkParty(c: CertificateRow, orgId: string, b: Exclude<RegistrationInput, { type: 'initial' }>) {
  if (b.type === 'objection') {
    if (c.holder_org_id === orgId) throw OwnObjection('a holder does not object to its own certificate');
    return;
  }
  const holder = c.holder_org_id === orgId;
  const pledgee = c.pledgee_org_id === orgId;
  // a certificate the caller has no part in looks missing (its number is public, its id is not)
  if (!holder && !pledgee) throw NotFound('certificate', b.certificateId);
  if (!holder && !(b.type === 'release' && pledgee)) throw NotHolder();
}

async function onCertificate(
  deps: RegistryDeps,
  ctx: RequestContext,
  orgId: string,
  b: Exclude<RegistrationInput, { type: 'initial' }>,
) {
  const today = shanghaiDay(deps.now());
  const c =
    b.type === 'objection'
      ? await certs.findCertificate(deps.db, { certNo: b.certificateNo }, today)
      : await certs.findCertificate(deps.db, { id: b.certificateId }, today);
  if (!c) throw NotFound('certificate', b.type === 'objection' ? b.certificateNo : b.certificateId);
  checkParty(c, orgId, b);
  checkCertificate(c, b.type, deps.now(), (await deps.settings.get()).renewWindowDays);
  const fields =
    b.type === 'objection'
      ? { counterparty_org_id: c.holder_org_id, terms: {}, reason: b.reason }
      : await dealing(deps, b, c);
  return {
    category: c.category,
    object_id: c.object_id,
    object_title: c.object_title,
    certificate_id: c.id,
    rights: c.rights,
    source_kind: null,
    source_description: null,
    source_valid_until: null,
    format: c.format,
    update_frequency: c.update_frequency,
    scope: c.scope,
    ...fields,
  };
}

/**
 * Turns a request into an application's content: the object and certificate it names, the parties it
 * involves (checked: active, not the holder, a financial institution for a pledge) and the terms. Reads only
 * (outside any transaction); the refusal rules run again at submission and issuance.
 */
export async function prepare(
  deps: RegistryDeps,
  ctx: RequestContext,
  orgId: string,
  b: RegistrationInput,
): Promise<Prepared> {
  const content =
    b.type === 'initial' ? await initial(deps, ctx, orgId, b) : await onCertificate(deps, ctx, orgId, b);
  return {
    counterparty_org_id: null,
    terms: {},
    reason: null,
    ...content,
    type: b.type,
    declarations: b.declarations,
  };
}
