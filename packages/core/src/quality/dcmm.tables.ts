import type { DcmmAnswerValue, DcmmResult, DcmmStatus } from '@shuliu/contracts';
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export interface DcmmAssessmentsTable {
  id: string;
  org_id: string;
  title: string;
  status: DcmmStatus;
  result: Json<DcmmResult> | null;
  /** numeric: read as a string by pg, a number by PGlite */
  score: ColumnType<string | number, number, number> | null;
  level: number | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_by: string | null;
  submitted_at: Date | null;
}

export interface DcmmAnswersTable {
  assessment_id: string;
  statement_id: string;
  answer: DcmmAnswerValue;
  note: string | null;
  answered_by: string;
  answered_at: ColumnType<Date, Date | undefined, Date>;
}

export interface DcmmTables {
  dcmm_assessments: DcmmAssessmentsTable;
  dcmm_answers: DcmmAnswersTable;
}
