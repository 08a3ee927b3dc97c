import {
  RegistrySettings as SettingsSchema,
  type RegistryHoliday,
  type RegistrySettings,
} from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { requirePrincipal, type RequestContext } from '../shared/context.js';
import { Invalid } from '../shared/errors.js';
import { CalendarService, type HolidayCalendar } from '../settings/index.js';
import { DEFAULT_REGISTRY_SETTINGS } from './registry.settings.js';
import { isFinancialOrg } from './registry.rules.js';
import { escapeLike } from '../shared/sql.js';
import { activeOrgs } from '../identity/index.js';
import { registryRepository as repo } from './registry.repository.js';

type Executor = Kysely<DB>;

/**
 * The registry's rule settings (defaults in code, the operator's changes in one row), and the platform's
 * working-day calendar its deadlines count on. Read fresh on use: several server processes share them.
 */
export class RegistrySettingsService {
  constructor(
    private readonly db: Executor,
    private readonly days: CalendarService = new CalendarService(db),
  ) {}

  async get(db: Executor = this.db): Promise<RegistrySettings> {
    const settings = await repo.settings(db);
    const stored = settings ? (typeof settings === 'string' ? JSON.parse(settings) : settings) : {};
    // a setting the code no longer knows, or one stored before a stricter rule, falls back to its default
    const merged = { ...DEFAULT_REGISTRY_SETTINGS, ...(stored as Partial<RegistrySettings>) };
    const parsed = SettingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : DEFAULT_REGISTRY_SETTINGS;
  }

  async update(ctx: RequestContext, changes: Partial<RegistrySettings>): Promise<RegistrySettings> {
    const p = requirePrincipal(ctx);
    if (changes.financialNamePattern !== undefined) checkPattern(changes.financialNamePattern);
    await this.db.transaction().execute(async (tx) => {
      const current = await this.get(tx);
      const next = { ...current, ...changes };
      await repo.saveSettings(tx, JSON.stringify(next), p.username);
      await recordAudit(tx, ctx, {
        action: 'registry.settings.update',
        objectType: 'registry_settings',
        objectId: 'registry',
        details: { changed: changes },
      });
    });
    return this.get();
  }

  /** The platform's working-day calendar (settings domain), which registration deadlines count on. */
  calendar(db: Executor = this.db): Promise<HolidayCalendar> {
    return this.days.calendar(db);
  }

  /** The end of a period of `days` working days after `from`, on the current calendar. */
  deadline(from: Date, days: number, db: Executor = this.db): Promise<Date> {
    return this.days.deadline(from, days, db);
  }

  /** Active organizations to name in a registration, flagged as accepted pledgees and possible reviewers. */
  async parties(q: { page: number; pageSize: number; q?: string; role: 'any' | 'pledgee' | 'reviewer' }) {
    const s = await this.get();
    const rows = await activeOrgs(this.db, { nameLike: q.q && `%${escapeLike(q.q)}%`, by: 'name' });
    const items = rows
      .map((o) => ({
        id: o.id,
        name: o.name,
        types: o.types,
        financial: isFinancialOrg(o, s),
        certifier:
          o.types.includes('operator') ||
          (o.types.includes('provider') && o.provider_kinds.includes('certifier')),
      }))
      .filter((o) => q.role === 'any' || (q.role === 'pledgee' ? o.financial : o.certifier));
    const from = (q.page - 1) * q.pageSize;
    return {
      items: items.slice(from, from + q.pageSize),
      total: items.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  holidays(year?: number): Promise<RegistryHoliday[]> {
    return this.days.list(year);
  }

  /** Marks a day on the platform calendar (kept for the demo and older callers; see CalendarService). */
  setHoliday(ctx: RequestContext, day: string, h: Omit<RegistryHoliday, 'day'>): Promise<RegistryHoliday> {
    return this.days.setDay(ctx, day, h);
  }
}

function checkPattern(pattern: string) {
  try {
    new RegExp(pattern);
  } catch {
    throw Invalid('VALIDATION_FAILED', 'body.financialNamePattern: must be a valid regular expression', [
      { path: 'body.financialNamePattern', message: 'must be a valid regular expression' },
    ]);
  }
}
