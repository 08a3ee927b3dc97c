import type { ComplaintCategory, ComplaintStatus } from '@shuliu/contracts';
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | undefined, never>;

export interface QualityComplaintsTable {
  id: string;
  order_id: string;
  product_id: string;
  product_title: string | null;
  resource_ids: string[];
  buyer_org_id: string;
  seller_org_id: string;
  category: ComplaintCategory;
  description: string;
  evidence_note: string | null;
  status: ComplaintStatus;
  investigator_id: string | null;
  filed_by: string;
  created_at: CreatedAt;
  closed_at: Date | null;
}

export interface QualityComplaintEventsTable {
  id: string;
  complaint_id: string;
  action: string;
  actor_id: string | null;
  note: string | null;
  at: ColumnType<Date, Date | undefined, never>;
}

export interface ComplaintTables {
  quality_complaints: QualityComplaintsTable;
  quality_complaint_events: QualityComplaintEventsTable;
}
