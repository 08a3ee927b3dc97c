import type { ErrorCode } from '@shuliu/contracts';
import { createError, type DomainError } from '../shared/errors.js';
import type { CertificateBlock } from './registry.lifecycle.js';
import type { MoveRefusal } from './registry.rules.js';

export const IllegalTransition = createError(
  'REGISTRY_ILLEGAL_TRANSITION',
  'the application is not in a state that allows this',
  409,
);
export const NoticeRunning = createError(
  'REGISTRY_NOTICE_RUNNING',
  'the public notice (公示) has not ended yet',
  409,
);
export const NoticeOver = createError('REGISTRY_NOTICE_OVER', 'the public notice (公示) is over', 409);
export const ObjectionsOpen = createError(
  'REGISTRY_OBJECTIONS_OPEN',
  'objections are still being handled (异议处理)',
  409,
);
export const SourceAuthorizationMissing = createError(
  'REGISTRY_SOURCE_AUTHORIZATION_MISSING',
  'the data’s source authorization is missing',
  409,
);
export const ObjectDisputed = createError(
  'REGISTRY_OBJECT_DISPUTED',
  'the data is under an ownership dispute (异议)',
  409,
);
export const ObjectFrozen = createError(
  'REGISTRY_OBJECT_FROZEN',
  'a certificate on this data is frozen',
  409,
);
export const DataIpRawData = createError(
  'REGISTRY_DATA_IP_RAW_DATA',
  'unprocessed raw data is not registered as data intellectual property',
  409,
);
export const DataIpSingleRecord = createError(
  'REGISTRY_DATA_IP_SINGLE_RECORD',
  'a single record is not registered as data intellectual property',
  409,
);
export const DeclarationsMissing = createError(
  'REGISTRY_DECLARATIONS_MISSING',
  'the applicant’s declarations (声明承诺) are incomplete',
  400,
);
export const EvidenceMissing = createError(
  'REGISTRY_EVIDENCE_MISSING',
  'the registration’s instrument is not attached',
  409,
);
export const Duplicate = createError(
  'REGISTRY_DUPLICATE',
  'a registration of this kind is already in progress for this data',
  409,
);
export const AlreadyRegistered = createError(
  'REGISTRY_ALREADY_REGISTERED',
  'your organization already holds a valid certificate for these rights on this data',
  409,
);
export const NotHolder = createError(
  'REGISTRY_NOT_HOLDER',
  'only the certificate’s holder may apply for this',
  403,
);
export const NotReviewer = createError(
  'REGISTRY_NOT_REVIEWER',
  'the review of this application is assigned to another organization',
  403,
);
export const NotParty = createError('REGISTRY_NOT_PARTY', 'your organization is not a party to this', 403);
export const OwnObjection = createError(
  'REGISTRY_OWN_OBJECTION',
  'an applicant does not object to its own application',
  409,
);
export const BadReviewer = createError(
  'REGISTRY_REVIEWER_NOT_ALLOWED',
  'the reviewer must be the platform operator or a certifier (认证机构)',
  409,
);
export const BadCounterparty = createError(
  'REGISTRY_COUNTERPARTY_NOT_ALLOWED',
  'the named organization cannot take this part',
  409,
);
export const PledgeeNotFinancial = createError(
  'REGISTRY_PLEDGEE_NOT_FINANCIAL',
  'a pledge (质押) goes to a financial institution',
  409,
);
export const RightsNotHeld = createError(
  'REGISTRY_RIGHTS_NOT_HELD',
  'a license grants only rights the certificate holds',
  409,
);
export const TermBeyondCertificate = createError(
  'REGISTRY_TERM_BEYOND_CERTIFICATE',
  'the term must lie within the certificate’s validity',
  409,
);
export const EvidenceNotAllowed = createError(
  'REGISTRY_EVIDENCE_NOT_ALLOWED',
  'this evidence cannot be attached now or by you',
  409,
);

const CERTIFICATE_CODES: Record<CertificateBlock, ErrorCode> = {
  frozen: 'REGISTRY_CERTIFICATE_FROZEN',
  not_frozen: 'REGISTRY_CERTIFICATE_NOT_FROZEN',
  cancelled: 'REGISTRY_CERTIFICATE_CANCELLED',
  expired: 'REGISTRY_CERTIFICATE_EXPIRED',
  pledged: 'REGISTRY_CERTIFICATE_PLEDGED',
  not_pledged: 'REGISTRY_CERTIFICATE_NOT_PLEDGED',
  disputed: 'REGISTRY_CERTIFICATE_DISPUTED',
  not_disputed: 'REGISTRY_CERTIFICATE_NOT_DISPUTED',
  renewal_too_early: 'REGISTRY_RENEWAL_TOO_EARLY',
};

/** A 409 whose code names the lifecycle rule that blocks the action (e.g. REGISTRY_CERTIFICATE_PLEDGED). */
export const CertificateBlocked = (
  b: { block: CertificateBlock; message: string },
  details?: Record<string, unknown>,
): DomainError => createError(CERTIFICATE_CODES[b.block], b.message, 409)(b.message, details);

const MOVE_ERRORS: Record<MoveRefusal, (m?: string, d?: unknown) => DomainError> = {
  illegal: IllegalTransition,
  notice_running: NoticeRunning,
  notice_over: NoticeOver,
  objections_open: ObjectionsOpen,
};

export const MoveRefused = (refusal: MoveRefusal, message: string, details?: Record<string, unknown>) =>
  MOVE_ERRORS[refusal](message, details);
