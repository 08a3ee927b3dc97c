import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

/** GB/T 43697-2024 §6.4–6.5: impact assessments of a resource, kept as the evidence of its grade. */
export interface CatalogImpactAssessmentsTable {
  id: string;
  resource_id: string;
  party: string;
  harm: string;
  assessed_grade: string;
  grade_before: string;
  grade_after: string;
  reason: string;
  assessed_by: string;
  org_id: string | null;
  created_at: CreatedAt;
}

export interface ImpactTables {
  catalog_impact_assessments: CatalogImpactAssessmentsTable;
}
