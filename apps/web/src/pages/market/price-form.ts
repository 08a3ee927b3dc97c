import type { PriceModel, PriceModelInput, PriceModelKind } from '@shuliu/contracts';
import { yuanToFen } from '../../lib/format';

/** The price as the seller types it: yuan in the form, integer fen on the wire (DESIGN.md §4). */
export interface PriceForm {
  kind?: PriceModelKind;
  amountYuan?: number;
  unitYuan?: number;
  period?: 'monthly' | 'yearly';
  unit?: string;
  tiers?: { upTo?: number | null; unitYuan?: number }[];
  basis?: 'fixed' | 'per_call' | 'monthly' | 'yearly';
}

const fen = (yuan: number | undefined) => yuanToFen(yuan ?? 0);
const yuan = (f: number) => f / 100;

export function toPriceInput(f: PriceForm | undefined): PriceModelInput | null {
  switch (f?.kind) {
    case 'fixed':
      return { kind: 'fixed', amountFen: fen(f.amountYuan) };
    case 'per_call':
      return { kind: 'per_call', unitFen: fen(f.unitYuan) };
    case 'subscription':
      return { kind: 'subscription', period: f.period ?? 'monthly', amountFen: fen(f.amountYuan) };
    case 'tiered':
      return {
        kind: 'tiered',
        unit: f.unit?.trim() ?? '',
        tiers: (f.tiers ?? []).map((x) => ({ upTo: x.upTo ?? null, unitFen: fen(x.unitYuan) })),
      };
    case 'government_guided':
      return { kind: 'government_guided', basis: f.basis ?? 'fixed', amountFen: fen(f.amountYuan) };
    default:
      return null;
  }
}

export function fromPrice(pm: PriceModel | null): PriceForm {
  if (!pm) return {};
  switch (pm.kind) {
    case 'fixed':
      return { kind: 'fixed', amountYuan: yuan(pm.amountFen) };
    case 'per_call':
      return { kind: 'per_call', unitYuan: yuan(pm.unitFen) };
    case 'subscription':
      return { kind: 'subscription', period: pm.period, amountYuan: yuan(pm.amountFen) };
    case 'tiered':
      return {
        kind: 'tiered',
        unit: pm.unit,
        tiers: pm.tiers.map((x) => ({ upTo: x.upTo, unitYuan: yuan(x.unitFen) })),
      };
    case 'government_guided':
      return { kind: 'government_guided', basis: pm.basis, amountYuan: yuan(pm.amountFen) };
  }
}
