import { AppError } from '../../shared/domain/errors.ts';

/** Keyset cursor: the sort value and id of the last row of a page, opaque to clients. */
export type Cursor = { at: string; id: string };

export function encodeCursor(at: Date | string, id: string): string {
  const value = at instanceof Date ? at.toISOString() : at;
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The sort key of most lists: an instant exactly as `encodeCursor` writes a Date. */
export function isInstantKey(at: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) && !Number.isNaN(Date.parse(at));
}

/**
 * Reads a cursor back. A client can forge one, so its key is checked as well as its shape:
 * a made-up time would otherwise reach the database and fail there as a 500.
 */
export function decodeCursor(
  cursor: string | undefined,
  isValidKey: (at: string) => boolean = isInstantKey,
): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && isValidKey(at)) {
      return { at, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('VALIDATION_FAILED', 'cursor is not valid', {
    errors: [{ path: 'cursor', message: 'not a cursor this server issued' }],
  });
}

/** Takes limit + 1 rows and turns the extra one into the next cursor. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  shape: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(shape),
    nextCursor: hasMore && last !== undefined ? cursorOf(last) : null,
  };
}
