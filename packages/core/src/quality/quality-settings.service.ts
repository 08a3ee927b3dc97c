import type { QualitySettings } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { iso } from '../shared/iso.js';
import { parseJson } from './quality.mappers.js';
import { qualityRepository as repo } from './quality.repository.js';
import { parseQualityWeights, type Weights } from './quality.schema.js';

type Executor = Kysely<DB>;

/**
 * The operator's quality settings (RULES.md: "weights configurable"): the indicator weights of the overall
 * score (default: equal) and the minimum overall score a product's resources need to be listed (default: no
 * gate). Read fresh on use: several server processes share them.
 */
export class QualitySettingsService {
  constructor(private readonly db: Executor) {}

  async get(db: Executor = this.db): Promise<QualitySettings> {
    const row = await repo.settings(db);
    return {
      weights: row ? parseJson<Weights>(row.weights) : {},
      minListingScore: row?.min_listing_score ?? null,
      updatedBy: row?.updated_by ?? null,
      updatedAt: iso(row?.updated_at),
    };
  }

  /** The weights of the overall score: the operator's. */
  async weights(db: Executor = this.db): Promise<Weights> {
    return (await this.get(db)).weights;
  }

  async update(
    ctx: RequestContext,
    changes: { weights?: Weights; minListingScore?: number | null },
  ): Promise<QualitySettings> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      await repo.lockSettings(tx);
      const before = await this.get(tx);
      const weights = changes.weights ? parseQualityWeights(changes.weights) : before.weights;
      const minListingScore =
        changes.minListingScore === undefined ? before.minListingScore : changes.minListingScore;
      await repo.saveSettings(tx, {
        weights: JSON.stringify(weights),
        min_listing_score: minListingScore,
        updated_by: p.username,
        updated_at: new Date(),
      });
      await recordAudit(tx, ctx, {
        action: 'quality.settings.update',
        objectType: 'quality_settings',
        objectId: 'quality',
        details: {
          before: { weights: before.weights, minListingScore: before.minListingScore },
          after: { weights, minListingScore },
        },
      });
    });
    return this.get();
  }
}
