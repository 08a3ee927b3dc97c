import { createError } from '../shared/errors.js';

export const SectorUnknown = createError('CATALOG_SECTOR_UNKNOWN', 'no such sector', 400);
export const SectorExists = createError('CATALOG_SECTOR_EXISTS', 'a sector with this code exists', 409);
export const SectorInUse = createError(
  'CATALOG_SECTOR_IN_USE',
  'the sector has resources or sub-sectors; move them first',
  409,
);
export const SectorHeld = createError(
  'CATALOG_SECTOR_HELD',
  'a live authorization names the sector; it stays until that ends',
  409,
);
export const OpenClassRefused = createError(
  'CATALOG_OPEN_CLASS_REFUSED',
  'the open class is not allowed for this resource',
  409,
);
export const IllegalTransition = createError(
  'CATALOG_ILLEGAL_TRANSITION',
  'the resource is not in a state that allows this',
  409,
);
export const NotOwner = createError(
  'CATALOG_NOT_OWNER',
  'only the owning organization may change this resource',
  403,
);
export const FileRejected = createError('CATALOG_FILE_REJECTED', 'the file could not be read', 400);
export const FileNotReady = createError('CATALOG_FILE_NOT_READY', 'the file is still being processed', 409);
export const NotDownloadable = createError(
  'CATALOG_NOT_DOWNLOADABLE',
  'this file may not be downloaded by you',
  403,
);
export const RequestNotAllowed = createError(
  'CATALOG_REQUEST_NOT_ALLOWED',
  'this request is not allowed',
  409,
);
/** PIPL Art. 23: raw personal information goes to another organization only with each person's separate consent. */
export const RawPersonalInfo = createError(
  'CATALOG_RAW_PERSONAL_INFO',
  'it holds personal information in the clear; another organization receives it only masked',
  409,
);

export const GradeBelowAssessed = createError(
  'CATALOG_GRADE_BELOW_ASSESSED',
  'the grade may not go below the one the latest impact assessment gives',
  409,
);
