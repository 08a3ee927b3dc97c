import type { GuardCatalog } from './sql-types.js';

/** A small owner catalog for the guard and rewrite tests: people joinable to income on the person's id. */
export const catalog: GuardCatalog = {
  tables: [
    {
      name: 'people',
      columns: [
        { name: 'id', type: 'integer' },
        { name: 'age', type: 'integer' },
        { name: 'sex', type: 'text' },
        { name: 'born', type: 'date' },
        { name: 'year', type: 'integer' },
        { name: 'smoker', type: 'boolean' },
      ],
      joinKeys: ['id'],
    },
    {
      name: 'income',
      columns: [
        { name: 'person_id', type: 'integer' },
        { name: 'salary', type: 'number' },
        { name: 'year', type: 'integer' },
      ],
      joinKeys: ['person_id'],
    },
    {
      name: 'visits',
      columns: [
        { name: 'person_id', type: 'integer' },
        { name: 'cost', type: 'number' },
      ],
    },
  ],
};
