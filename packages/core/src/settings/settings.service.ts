import {
  GradingSettings as GradingSchema,
  SharingSettings as SharingSchema,
  type GradingSettings,
  type SharingSettings,
  TradeSettings as TradeSchema,
  type TradeSettings,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { Invalid } from '../shared/errors.js';
import { settingsRepository as repo } from './settings.repository.js';
import { DEFAULT_GRADING, DEFAULT_SHARING, DEFAULT_TRADE } from './settings.defaults.js';

type Executor = Kysely<DB>;

interface Sections {
  grading: GradingSettings;
  sharing: SharingSettings;
  trade: TradeSettings;
}
type Section = keyof Sections;

const SECTIONS: { [S in Section]: { schema: z.ZodType<Sections[S]>; defaults: Sections[S] } } = {
  grading: { schema: GradingSchema, defaults: DEFAULT_GRADING },
  sharing: { schema: SharingSchema, defaults: DEFAULT_SHARING },
  trade: { schema: TradeSchema, defaults: DEFAULT_TRADE },
};

/**
 * 平台规则: the operator's values of the RULES.md ⚠ rules, one row per section over the defaults in code.
 * Each change is validated as a whole section (a table whose rows contradict each other is refused) and
 * audited with the values before and after. Read fresh on use: several server processes share them.
 */
export class PlatformSettingsService {
  constructor(private readonly db: Executor) {}

  grading(db: Executor = this.db): Promise<GradingSettings> {
    return this.read(db, 'grading');
  }

  sharing(db: Executor = this.db): Promise<SharingSettings> {
    return this.read(db, 'sharing');
  }

  trade(db: Executor = this.db): Promise<TradeSettings> {
    return this.read(db, 'trade');
  }

  updateTrade(ctx: RequestContext, changes: Partial<TradeSettings>): Promise<TradeSettings> {
    return this.update(ctx, 'trade', changes);
  }

  updateGrading(ctx: RequestContext, changes: Partial<GradingSettings>): Promise<GradingSettings> {
    return this.update(ctx, 'grading', changes);
  }

  updateSharing(ctx: RequestContext, changes: Partial<SharingSettings>): Promise<SharingSettings> {
    return this.update(ctx, 'sharing', changes);
  }

  private async read<S extends Section>(db: Executor, section: S): Promise<Sections[S]> {
    const { schema, defaults } = SECTIONS[section];
    const settings = await repo.section(db, section);
    if (!settings) return defaults;
    const stored: unknown = typeof settings === 'string' ? JSON.parse(settings) : settings;
    // a value stored before a stricter rule, or one the code no longer knows, falls back to the default
    const parsed = schema.safeParse({ ...defaults, ...(stored as object) });
    return parsed.success ? parsed.data : defaults;
  }

  private async update<S extends Section>(
    ctx: RequestContext,
    section: S,
    changes: Partial<Sections[S]>,
  ): Promise<Sections[S]> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      await repo.lockSection(tx, section);
      const before = await this.read(tx, section);
      const next = validated(section, { ...before, ...changes });
      const json = JSON.stringify(next);
      await repo.saveSection(tx, section, json, p.username);
      await recordAudit(tx, ctx, {
        action: `settings.${section}.update`,
        objectType: 'platform_settings',
        objectId: section,
        details: { before, after: next },
      });
    });
    return this.read(this.db, section);
  }
}

/** The whole section after a change must hold together; the first problem is named by its field. */
function validated<S extends Section>(section: S, value: unknown): Sections[S] {
  const parsed = SECTIONS[section].schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: ['body', ...i.path].join('.'),
    message: i.message,
  }));
  throw Invalid('VALIDATION_FAILED', `${issues[0]!.path}: ${issues[0]!.message}`, issues);
}
