import type { DataRight, RegistrationCategory, RegistrySettings } from '@shuliu/contracts';
import { newId } from '../shared/ids.js';
import { certificatesRepository as certs, type CertificateRow } from './certificates.repository.js';
import {
  inputOf,
  issuerOf,
  orgIdentity,
  registrationOf,
  signVersion,
  type Applied,
} from './certificates.sign.js';
import { shanghaiDay } from './registry.calendar.js';
import { checkCertificate, checkInitial, type ObjectFacts } from './registry.checks.js';
import { manifestOf, metadataSm3, type CredentialInput } from './registry.credential.js';
import { LEDGER_TYPE_OF } from './registry.lifecycle.js';
import { registryRepository as repo, type ApplicationRow } from './registry.repository.js';
import { certificateValidUntil, certNoOf, renewedValidUntil } from './registry.rules.js';
import type { StoredTerms } from './registry.tables.js';
import type { Executor, RegistryDeps } from './registry.support.js';

export interface ApplyInput {
  deps: RegistryDeps;
  a: ApplicationRow;
  /** The resource and its files, read before the transaction (initial, and change with refreshObject). */
  facts: ObjectFacts | null;
  now: Date;
  s: RegistrySettings;
}

const objectOf = (f: ObjectFacts) => {
  const m = manifestOf(f.files);
  return {
    type: 'resource' as const,
    id: f.resource.id,
    title: f.resource.title,
    metadataSm3: metadataSm3(f.resource),
    manifestSm3: m.sm3,
    files: m.count,
  };
};

const certificateRow = (a: ApplicationRow, id: string, certNo: string, now: Date, validUntil: Date) => ({
  id,
  cert_no: certNo,
  version: 1,
  category: a.category,
  holder_org_id: a.applicant_org_id,
  rights: a.rights,
  object_type: 'resource' as const,
  object_id: a.object_id,
  object_title: a.object_title,
  scope: a.scope ?? '',
  format: a.format,
  update_frequency: a.update_frequency,
  source_kind: a.source_kind!,
  source_description: a.source_description,
  source_valid_until: a.source_until,
  valid_from: now,
  valid_until: validUntil,
  state: 'valid' as const,
  application_id: a.id,
  issued_at: now,
});

/** 首次登记 → a new certificate: the next number of the year, version 1, signed, entered in the ledger. */
async function issueNew(tx: Executor, { deps, a, facts, now, s }: ApplyInput): Promise<Applied> {
  const evidence = (await repo.findFiles(tx, { applicationId: a.id })).map((f) => f.kind);
  await checkInitial(tx, a, facts!, evidence, now);
  const year = Number(shanghaiDay(now).slice(0, 4));
  const certNo = certNoOf(s.certNoPrefix, year, await certs.nextNumber(tx, year));
  const id = newId('cert');
  // RULES.md: validity runs from the end of the public notice (公示), for a registration that had one
  const validUntil = certificateValidUntil(
    a.notice_ends_at ? new Date(a.notice_ends_at) : now,
    s.validityYears,
    a.source_until,
  );
  const input = {
    certNo,
    version: 1,
    issuer: issuerOf(deps, s),
    holder: await orgIdentity(tx, a.applicant_org_id),
    category: a.category as RegistrationCategory,
    rights: a.rights as DataRight[],
    object: objectOf(facts!),
    scope: a.scope ?? '',
    format: a.format,
    updateFrequency: a.update_frequency,
    source: { kind: a.source_kind!, description: a.source_description, validUntil: a.source_until },
    validFrom: now,
    validUntil,
    registration: registrationOf(a),
    previous: null,
  };
  await certs.insertCertificate(tx, certificateRow(a, id, certNo, now, validUntil));
  const { entry } = await signVersion(tx, deps, input, id, a.id);
  return { certificateId: id, certNo, version: 1, entry, action: 'issued' };
}

type CertificateSet = Parameters<typeof certs.updateCertificate>[2];
type Changes = { scope?: string; format?: string; updateFrequency?: string; refreshObject?: boolean };

/** What a change, transfer or renewal alters in the credential (`input`) and the certificate row. */
async function amend(
  tx: Executor,
  i: ApplyInput,
  c: CertificateRow,
  input: CredentialInput,
): Promise<CertificateSet> {
  const { a, now, s } = i;
  const terms = (typeof a.terms === 'string' ? JSON.parse(a.terms) : a.terms) as StoredTerms;
  const set: CertificateSet = {};
  if (a.type === 'change') {
    const ch = (terms.changes ?? {}) as Changes;
    if (ch.scope) input.scope = set.scope = ch.scope;
    if (ch.format) input.format = set.format = ch.format;
    if (ch.updateFrequency) input.updateFrequency = set.update_frequency = ch.updateFrequency;
    if (ch.refreshObject && i.facts) input.object = objectOf(i.facts);
  } else if (a.type === 'transfer') {
    input.holder = await orgIdentity(tx, a.counterparty_org_id!);
    set.holder_org_id = a.counterparty_org_id!;
  } else {
    const source = terms.sourceValidUntil ?? c.source_until;
    const until = renewedValidUntil(new Date(c.valid_until), now, s.renewalYears, source);
    input.validUntil = set.valid_until = until;
    if (terms.sourceValidUntil) set.source_valid_until = input.source.validUntil = terms.sourceValidUntil;
    Object.assign(set, { state: 'valid', expired_at: null });
  }
  return set;
}

/** 变更、转移、续展 → the next signed version of the same certificate, chained to the previous one's hash. */
async function reissue(tx: Executor, i: ApplyInput, c: CertificateRow): Promise<Applied> {
  const { deps, a, now, s } = i;
  const prev = (await certs.findVersion(tx, c.id, c.version))!;
  const input = { ...inputOf(prev.credential), holder: await orgIdentity(tx, c.holder_org_id) };
  const set = await amend(tx, i, c, input);
  const version = c.version + 1;
  Object.assign(input, {
    version,
    validFrom: now,
    registration: registrationOf(a),
    issuer: issuerOf(deps, s),
  });
  input.previous = { version: c.version, certHash: prev.cert_hash };
  const { entry } = await signVersion(tx, deps, input, c.id, a.id);
  entry.attrs = { ...entry.attrs, action: a.type };
  await certs.updateCertificate(tx, c.id, { ...set, version });
  const action = a.type === 'change' ? 'changed' : a.type === 'transfer' ? 'transferred' : 'renewed';
  return { certificateId: c.id, certNo: c.cert_no, version, entry, action, reason: a.reason };
}

/** A change of state that keeps the signed credential (license, pledge, release, cancel, dispute). */
export function stateEntry(
  c: CertificateRow,
  type: (typeof LEDGER_TYPE_OF)[keyof typeof LEDGER_TYPE_OF],
  object: Record<string, unknown>,
  attrs: Record<string, unknown> = {},
) {
  return {
    type,
    objectType: 'certificate',
    objectId: c.cert_no,
    object: { certNo: c.cert_no, certHash: c.cert_hash, ...object },
    attrs: { certNo: c.cert_no, certHash: c.cert_hash, ...attrs },
  };
}

async function license(tx: Executor, { a, now }: ApplyInput, c: CertificateRow): Promise<Applied> {
  const t = (typeof a.terms === 'string' ? JSON.parse(a.terms) : a.terms) as StoredTerms;
  const id = newId('lic');
  const row = {
    id,
    certificate_id: c.id,
    licensee_org_id: a.counterparty_org_id!,
    rights: a.rights,
    scope: a.scope ?? '',
    valid_from: t.validFrom!,
    valid_until: t.validUntil!,
    exclusive: !!t.exclusive,
    application_id: a.id,
    created_at: now,
  };
  await certs.insertLicense(tx, row);
  const licensee = await orgIdentity(tx, row.licensee_org_id);
  const facts = {
    licenseId: id,
    licenseeUscc: licensee.uscc,
    rights: a.rights,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
  };
  const entry = stateEntry(
    c,
    LEDGER_TYPE_OF.license,
    { ...facts, scope: row.scope, exclusive: row.exclusive },
    facts,
  );
  return { certificateId: c.id, certNo: c.cert_no, version: null, licenseId: id, entry, action: 'licensed' };
}

/** What each state-only registration sets on the certificate, and its history word. */
function stateChange(a: ApplicationRow, now: Date) {
  const terms = (typeof a.terms === 'string' ? JSON.parse(a.terms) : a.terms) as StoredTerms;
  switch (a.type) {
    case 'pledge':
      return {
        set: { pledgee_org_id: a.counterparty_org_id, pledged_at: now, pledge_terms: JSON.stringify(terms) },
        action: 'pledged',
        attrs: { pledgeeOrgId: a.counterparty_org_id },
      };
    case 'release':
      return {
        set: { pledgee_org_id: null, pledged_at: null, pledge_terms: null },
        action: 'released',
        attrs: {},
      };
    case 'cancel':
      return {
        set: { state: 'cancelled' as const, cancelled_at: now, cancel_reason: a.reason },
        action: 'cancelled',
        attrs: {},
      };
    default:
      return { set: { disputed_by: a.id }, action: 'disputed', attrs: { applicationId: a.id } };
  }
}

/** Applies an issued registration to its certificate (or makes the certificate), after the rules hold again. */
export async function applyRegistration(tx: Executor, i: ApplyInput): Promise<Applied> {
  if (i.a.type === 'initial') return issueNew(tx, i);
  const c = (await certs.lockCertificate(tx, i.a.certificate_id!, shanghaiDay(i.now)))!;
  checkCertificate(c, i.a.type as never, i.now, i.s.renewWindowDays);
  if (['change', 'transfer', 'renew'].includes(i.a.type)) return reissue(tx, i, c);
  if (i.a.type === 'license') return license(tx, i, c);
  const { set, action, attrs } = stateChange(i.a, i.now);
  await certs.updateCertificate(tx, c.id, set);
  const type = LEDGER_TYPE_OF[i.a.type as 'pledge' | 'release' | 'cancel' | 'objection'];
  const entry = stateEntry(c, type, { action, applicationId: i.a.id, reason: i.a.reason }, attrs);
  return { certificateId: c.id, certNo: c.cert_no, version: null, entry, action, reason: i.a.reason };
}
