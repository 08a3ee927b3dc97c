import type { Person, PiCategory, SignUpBody } from '@shuliu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { KeyService } from '../crypto/index.js';
import { hmacSm3 } from '../crypto/index.js';
import { createActiveUser, userByUsername } from '../identity/index.js';
import { notifyUsers } from '../notifications/index.js';
import { hasRole, requirePrincipal, type RequestContext } from '../shared/context.js';
import { NotFound } from '../shared/errors.js';
import { maskIdCard } from '../protect/index.js';
import { isUniqueViolation } from '../shared/sql.js';
import {
  GuardianInvalid,
  GuardianRequired,
  IdCardTaken,
  IllegalTransition,
  NotPerson,
} from './consent.errors.js';
import { personsRepository as repo, type PersonRow } from './persons.repository.js';
import { ageAt, needsGuardian, type ConsentSettings } from './consent.rules.js';
import { consentsCovering } from './consent.reads.js';

type Executor = Kysely<DB>;
export type Clock = () => Date;

const pad = (n: number) => String(n).padStart(2, '0');
/** node-postgres reads a `date` as local midnight: its local parts are the date, whatever the server's zone. */
const birthOf = (d: Date | string) =>
  typeof d === 'string' ? d.slice(0, 10) : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** Age from a stored birth date (YYYY-MM-DD) at `at`. */
export const ageFromBirth = (birth: Date | string, at: Date) =>
  ageAt(`000000${birthOf(birth).replace(/-/g, '')}0000`, at).age;

/**
 * How the consent hub knows a person: HMAC-SM3 of the ID card number (upper case) under a platform key, so equal
 * numbers meet without the number kept in the clear. A masked derivative's subject map holds the same digests.
 */
export const idCardDigester = (keys: Pick<KeyService, 'deriveSecret'>) => {
  // derived on first use: wiring the services needs no key yet (a server refuses to start without one)
  let key: Uint8Array | undefined;
  return (idCard: string): Buffer =>
    hmacSm3((key ??= keys.deriveSecret('consent:id-card')), idCard.trim().toUpperCase());
};

/** Natural persons (自然人): sign-up with an ID card kept sealed, guardians of minors under 14. */
export class PersonsService {
  constructor(
    private readonly db: Executor,
    private readonly keys: Pick<KeyService, 'encrypt' | 'decrypt' | 'deriveSecret'>,
    private readonly settings: ConsentSettings,
    private readonly now: Clock,
  ) {}

  /**
   * The ID card numbers of the persons whose consent to the scenario version is live at `at` (granted, not
   * withdrawn, not expired, the version still the scenario's current one) and reaches the categories the data
   * holds, unsealed for a compute agent's filter: the caller hands on only salted digests of them.
   */
  async consentingIdCards(
    db: Executor,
    versionId: string,
    at: Date,
    held: readonly PiCategory[],
  ): Promise<string[]> {
    const rows = await consentsCovering(db, versionId, at, held);
    return Promise.all(
      rows.map(async (r) =>
        (await this.keys.decrypt(r.id_card_enc, `consent_persons:${r.id_card_hmac}`)).toString('utf8'),
      ),
    );
  }

  /** How many of those persons there are at `at` (no unsealing: safe inside a transaction). */
  async consentingCount(
    db: Executor,
    versionId: string,
    at: Date,
    held: readonly PiCategory[],
  ): Promise<number> {
    return (await consentsCovering(db, versionId, at, held)).length;
  }

  async signUp(ctx: RequestContext, b: z.output<typeof SignUpBody>): Promise<Person> {
    const { birthDate, age } = ageAt(b.idCard, this.now());
    const minor = needsGuardian(age, this.settings);
    if (minor && !b.guardianUsername)
      throw GuardianRequired('a person under 14 signs up with a guardian (guardianUsername)', {
        field: 'guardianUsername',
      });
    // equal ID cards give equal HMACs: uniqueness without keeping the number in the clear
    const hmac = idCardDigester(this.keys)(b.idCard).toString('hex');
    if (await repo.idCardTaken(this.db, hmac)) throw IdCardTaken(undefined, { field: 'idCard' });
    const guardian = minor ? await this.adultPerson(b.guardianUsername!) : null;
    // sealed before the transaction: the first use creates the data key in a transaction of its own
    const sealed = await this.keys.encrypt(b.idCard, `consent_persons:${hmac}`);
    const userId = await createActiveUser(
      this.db,
      ctx,
      {
        username: b.username,
        displayName: b.displayName,
        password: b.password,
        orgId: null,
        roles: ['person'],
        phone: b.phone,
      },
      {
        requireActiveOrg: false,
        alsoInTx: async (tx, id) => {
          await repo.insertPerson(tx, {
            user_id: id,
            id_card_enc: sealed,
            // RULES.md Masking: the platform's one ID-card rule, first 1 and last 2 shown
            id_card_masked: maskIdCard(b.idCard),
            id_card_hmac: hmac,
            birth_date: birthDate,
            guardian_user_id: guardian?.id ?? null,
            guardian_status: guardian ? 'pending' : null,
            guardian_confirmed_at: null,
          });
          if (guardian)
            await notifyUsers(tx, [guardian.id], {
              kind: 'consent.guardian.requested',
              title: '监护确认请求',
              body: `${b.displayName} 登记您为监护人，请确认`,
              params: { wardId: id },
              link: '/consent/mine?tab=wards',
            });
          await recordAudit(tx, ctx, {
            action: 'consent.person.sign_up',
            objectType: 'person',
            objectId: id,
            orgId: null,
            details: { minor, guardianId: guardian?.id ?? null },
          });
        },
      },
    ).catch((e: unknown) => {
      // the same ID card signing up twice at once: both passed the check above, the unique index stops one
      if (isUniqueViolation(e, 'consent_persons_id_card_hmac_key'))
        throw IdCardTaken(undefined, { field: 'idCard' });
      throw e;
    });
    return this.person(userId);
  }

  async me(ctx: RequestContext): Promise<Person> {
    return this.person(requirePrincipal(ctx).userId);
  }

  async confirmWard(ctx: RequestContext, wardId: string): Promise<Person> {
    const p = requirePrincipal(ctx);
    await this.db.transaction().execute(async (tx) => {
      const ward = await repo.lockGuardianship(tx, wardId);
      if (!ward || ward.guardian_user_id !== p.userId) throw NotFound('ward', wardId);
      if (ward.guardian_status !== 'pending')
        throw IllegalTransition('the guardianship is already confirmed');
      await repo.updatePerson(tx, wardId, {
        guardian_status: 'confirmed',
        guardian_confirmed_at: this.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'consent.guardian.confirm',
        objectType: 'person',
        objectId: wardId,
      });
    });
    return this.person(p.userId);
  }

  /**
   * Whom the caller consents for: themselves (unless under 14), or a ward whose confirmed guardian they are.
   * PIPL Art. 31.
   */
  async subjectFor(db: Executor, ctx: RequestContext, onBehalfOf?: string): Promise<string> {
    const p = requirePrincipal(ctx);
    if (!hasRole(ctx, 'person')) throw NotPerson();
    if (onBehalfOf && onBehalfOf !== p.userId) {
      const ward = await repo.findPerson(db, onBehalfOf);
      if (!ward || ward.guardian_user_id !== p.userId || !this.stillMinor(ward.birth_date))
        throw NotFound('ward', onBehalfOf);
      if (ward.guardian_status !== 'confirmed')
        throw GuardianRequired('the guardianship is not confirmed yet', { field: 'onBehalfOf' });
      return onBehalfOf;
    }
    const me = await repo.findPerson(db, p.userId);
    if (!me) throw NotPerson('sign up as a person (with an ID card) first');
    if (needsGuardian(ageFromBirth(me.birth_date, this.now()), this.settings)) throw GuardianRequired();
    return p.userId;
  }

  /** The people the caller may act for: themselves and confirmed wards, until a ward turns 14 (PIPL Art. 31). */
  async actingFor(ctx: RequestContext, db: Executor = this.db): Promise<string[]> {
    const p = requirePrincipal(ctx);
    const wards = await repo.wardsOf(db, p.userId);
    return [
      p.userId,
      ...wards
        .filter((w) => w.guardian_status === 'confirmed' && this.stillMinor(w.birth_date))
        .map((w) => w.user_id),
    ];
  }

  /** Who decides for a person now: the confirmed guardian while the person is under 14, else the person. */
  decider(
    person: Pick<PersonRow, 'user_id' | 'guardian_user_id' | 'guardian_status' | 'birth_date'>,
  ): string {
    return person.guardian_user_id &&
      person.guardian_status === 'confirmed' &&
      this.stillMinor(person.birth_date)
      ? person.guardian_user_id
      : person.user_id;
  }

  /** A guardian acts for a ward only below the guardian age; from then on the person decides alone. */
  private stillMinor(birth: Date | string): boolean {
    return needsGuardian(ageFromBirth(birth, this.now()), this.settings);
  }

  private async adultPerson(username: string) {
    const user = await userByUsername(this.db, username);
    const birth = user?.status === 'active' ? await repo.birthDate(this.db, user.id) : undefined;
    if (
      !user ||
      !birth ||
      needsGuardian(ageFromBirth(birth, this.now()), { ...this.settings, guardianAge: 18 })
    )
      throw GuardianInvalid(undefined, { field: 'guardianUsername' });
    return { id: user.id, birth_date: birth };
  }

  private async person(userId: string): Promise<Person> {
    const r = await repo.findPerson(this.db, userId);
    if (!r) throw NotPerson('sign up as a person (with an ID card) first');
    const age = ageFromBirth(r.birth_date, this.now());
    const wards = (await repo.wardsOf(this.db, userId)).filter((w) => this.stillMinor(w.birth_date));
    return {
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      idCardMasked: r.id_card_masked,
      age,
      minor: needsGuardian(age, this.settings),
      guardian: r.guardian_user_id
        ? {
            userId: r.guardian_user_id,
            displayName: r.guardian_name ?? '',
            status: r.guardian_status ?? 'pending',
          }
        : null,
      wards: wards.map((w) => ({
        userId: w.user_id,
        displayName: w.display_name,
        status: w.guardian_status ?? 'pending',
      })),
      rules: {
        maxGrantDays: this.settings.maxGrantDays,
        refusalCoolDownDays: this.settings.refusalCoolDownDays,
        guardianAge: this.settings.guardianAge,
      },
    };
  }
}
