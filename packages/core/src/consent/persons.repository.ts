import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { userDisplayName, userName } from '../identity/index.js';
import type { ConsentPersonsTable } from './consent.tables.js';

type Executor = Kysely<DB>;

export interface PersonRow {
  user_id: string;
  username: string;
  display_name: string;
  id_card_masked: string;
  birth_date: Date | string;
  guardian_user_id: string | null;
  guardian_status: 'pending' | 'confirmed' | null;
  guardian_name: string | null;
}

/** The queries of natural persons (their sealed ID cards) and guardianships. */
export const personsRepository = {
  async findPerson(db: Executor, userId: string): Promise<PersonRow | undefined> {
    const r = await sql<PersonRow>`
      select p.user_id, ${userName('p.user_id')} as username, ${userDisplayName('p.user_id')} as display_name,
        p.id_card_masked, p.birth_date, p.guardian_user_id, p.guardian_status,
        ${userDisplayName('p.guardian_user_id')} as guardian_name
      from consent_persons p
      where p.user_id = ${userId}`.execute(db);
    return r.rows[0];
  },

  /** Whether a person signed up with the ID card whose HMAC this is. */
  idCardTaken: async (db: Executor, hmac: string) =>
    !!(await db
      .selectFrom('consent_persons')
      .select('user_id')
      .where('id_card_hmac', '=', hmac)
      .executeTakeFirst()),

  /** The person's birth date, if the user signed up as a person. */
  birthDate: async (db: Executor, userId: string) =>
    (
      await db
        .selectFrom('consent_persons')
        .select('birth_date')
        .where('user_id', '=', userId)
        .executeTakeFirst()
    )?.birth_date,

  insertPerson: (tx: Executor, row: Insertable<ConsentPersonsTable>) =>
    tx.insertInto('consent_persons').values(row).execute(),

  updatePerson: (tx: Executor, userId: string, set: Updateable<ConsentPersonsTable>) =>
    tx.updateTable('consent_persons').set(set).where('user_id', '=', userId).execute(),

  /** A ward's guardianship, locked for the change that follows. */
  lockGuardianship: (tx: Executor, wardId: string) =>
    tx
      .selectFrom('consent_persons')
      .select(['guardian_user_id', 'guardian_status'])
      .where('user_id', '=', wardId)
      .forUpdate()
      .executeTakeFirst(),

  async wardsOf(db: Executor, guardianId: string) {
    return db
      .selectFrom('consent_persons as p')
      .select([
        'p.user_id',
        // every person is a user (consent_persons.user_id references users), so the name is there
        userDisplayName('p.user_id').$castTo<string>().as('display_name'),
        'p.guardian_status',
        'p.birth_date',
      ])
      .where('p.guardian_user_id', '=', guardianId)
      .orderBy('p.created_at')
      .execute();
  },
};
