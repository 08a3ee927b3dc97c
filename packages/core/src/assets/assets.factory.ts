import { ContributionsService } from './contributions.service.js';
import { DisclosureService } from './disclosure.service.js';
import { LedgerService } from './ledger.service.js';
import { ValuationsService, type ValuationDeps } from './valuations.service.js';

/**
 * The assets domain wired to one database: `assets.ledger` (资产台账, accounting), `assets.disclosure`
 * (入表披露) and `assets.valuations` (signed valuation reports) and `assets.contributions` (出资入股). Certificates and resources are read through the
 * registry's and the catalog's read helpers; signing goes through the org keys; the report's hash to the ledger.
 */
export function createAssets(deps: ValuationDeps) {
  const ledger = new LedgerService(deps.db, deps.now);
  return {
    ledger,
    disclosure: new DisclosureService(deps.db, ledger),
    valuations: new ValuationsService(deps, ledger),
    contributions: new ContributionsService(deps.db, ledger),
  };
}
export type AssetsServices = ReturnType<typeof createAssets>;
