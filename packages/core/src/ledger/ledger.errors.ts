import { createError } from '../shared/errors.js';

export const TreeSizeBeyondHead = createError(
  'LEDGER_TREE_SIZE_BEYOND_HEAD',
  'the ledger is not that large yet',
  400,
);
export const IndexOutOfRange = createError('LEDGER_INDEX_OUT_OF_RANGE', 'no entry at this index', 400);
export const EntryNotFound = createError('LEDGER_ENTRY_NOT_FOUND', 'no entry at this index', 404);
export const CheckpointNotFound = createError(
  'LEDGER_CHECKPOINT_NOT_FOUND',
  'no checkpoint was signed at this tree size',
  404,
);
export const NoSigningKey = createError(
  'LEDGER_NO_SIGNING_KEY',
  'the platform has no signing key yet; start the server once or run `shuliu ledger checkpoint`',
  503,
);
export const LedgerCorrupt = createError(
  'LEDGER_CORRUPT',
  'the ledger tables are damaged; run `shuliu ledger verify`',
  500,
);
export const EntryInvalid = createError('LEDGER_ENTRY_INVALID', 'the ledger entry is not valid', 400);
