/**
 * A hierarchy that cannot generalize its column: a value missing from it, a malformed or inconsistent row.
 * A RangeError, as the other refusals of bad input here, carrying the column and value for the caller.
 */
export class HierarchyError extends RangeError {
  constructor(
    readonly column: string,
    message: string,
    readonly value?: string,
  ) {
    super(message);
    this.name = 'HierarchyError';
  }
}
