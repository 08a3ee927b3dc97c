import { createError } from '../shared/errors.js';

export const NotYourOrg = createError(
  'ASSET_NOT_YOUR_ORG',
  'an org edits only its own asset ledger; the regulator and the operator read it',
  403,
);
export const VersionConflict = createError(
  'ASSET_VERSION_CONFLICT',
  'the asset changed since you read it: reload and try again',
  409,
);
export const CertificateNotHeld = createError(
  'ASSET_CERTIFICATE_NOT_HELD',
  'a linked certificate must exist in the registry and be held by the asset’s org',
  409,
);
export const ResourceNotOwned = createError(
  'ASSET_RESOURCE_NOT_OWNED',
  'a linked resource must be a catalogue resource of the asset’s org',
  409,
);
export const NotAmortizable = createError(
  'ASSET_NOT_AMORTIZABLE',
  '财会〔2023〕11号: only data recognised as an intangible asset (无形资产) with its cost recorded is amortized',
  409,
);
export const ImpairmentTooLarge = createError(
  'ASSET_IMPAIRMENT_TOO_LARGE',
  'CAS 8: an impairment reduces the carrying amount to no less than zero',
  409,
);
export const ValuationInvalid = createError(
  'ASSET_VALUATION_INVALID',
  'the valuation inputs do not hold together',
  400,
);
export const ValuerInvalid = createError(
  'ASSET_VALUER_INVALID',
  'the valuer must be an active service provider (provider org offering valuation), not the asset’s owner',
  400,
);
export const NotTheValuer = createError(
  'ASSET_NOT_THE_VALUER',
  'only an org_admin of the valuer org the valuation was assigned to signs its report',
  403,
);
export const AlreadySigned = createError(
  'ASSET_VALUATION_ALREADY_SIGNED',
  'the report is signed: it is evidence now and does not change',
  409,
);
export const ValuationNotSigned = createError(
  'ASSET_VALUATION_NOT_SIGNED',
  '出资入股 stands on a signed valuation report of the same asset',
  409,
);
