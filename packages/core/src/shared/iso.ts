/** A timestamp column as the API shows it: ISO 8601 in UTC, or null when the column is empty. */
export const iso = (d: Date | string | null | undefined): string | null =>
  d ? new Date(d).toISOString() : null;
