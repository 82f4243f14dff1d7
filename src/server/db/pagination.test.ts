import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors.ts';
import { decodeCursor, encodeCursor, isInstantKey, toPage } from './pagination.ts';

const id = '0192f3a4-5b6c-7d8e-9f01-23456789abcd';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(cursor: string): AppError {
  try {
    decodeCursor(cursor);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`cursor ${cursor} was accepted`);
}

describe('a page cursor', () => {
  it('comes back as the time and id it was made from', () => {
    const at = new Date('2026-12-07T09:20:00.000Z');
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ at: '2026-12-07T09:20:00.000Z', id });
    expect(
      decodeCursor(encodeCursor('PENDING~2026-12-07T09:20:00.000Z', id), (at) => at.startsWith('PENDING~')),
    ).toEqual({
      at: 'PENDING~2026-12-07T09:20:00.000Z',
      id,
    });
  });

  it('is opaque and safe in a query string', () => {
    const cursor = encodeCursor('Ada Lens / ümlaut?&=', id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, () => true)?.at).toBe('Ada Lens / ümlaut?&=');
  });

  it('is checked with the key rule of its list', () => {
    const named = encodeCursor('Ada Lens', id);
    expect(() => decodeCursor(named)).toThrow(AppError);
    expect(decodeCursor(named, (at) => at.length > 0)).toEqual({ at: 'Ada Lens', id });
    expect(isInstantKey('2026-12-07T09:20:00.000Z')).toBe(true);
    expect(isInstantKey('2026-12-07')).toBe(false);
  });

  it('is absent when the client sends none', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  it.each([
    ['not base64 JSON', '%%%'],
    ['random text', 'hello'],
    ['JSON that is not a pair', b64({ at: 'x', id })],
    ['an id that is not a UUID', b64(['2026-12-07T09:20:00.000Z', 'x; drop table users'])],
    ['a time that is not text', b64([12, id])],
    ['a missing id', b64(['2026-12-07T09:20:00.000Z'])],
    ['a time that is no time', b64(['not-a-time', id])],
    ['a time before the database can store it', b64(['-100000-01-01T00:00:00.000Z', id])],
    ['an impossible date', b64(['2026-02-30T25:00:00.000Z', id])],
  ])('made up by a client (%s) is refused as a validation error', (_what, cursor) => {
    const error = refusal(cursor);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([{ path: 'cursor', message: 'not a cursor this server issued' }]);
  });
});

describe('a page of rows', () => {
  const rows = [1, 2, 3, 4].map((n) => ({ n, id: `row-${n}` }));
  const shape = (row: { n: number; id: string }) => row.n;
  const cursorOf = (row: { n: number; id: string }) => row.id;

  it('turns the extra row into the next cursor pointing at the last row shown', () => {
    expect(toPage(rows, 3, shape, cursorOf)).toEqual({ items: [1, 2, 3], nextCursor: 'row-3' });
  });

  it('has no next cursor on the last page', () => {
    expect(toPage(rows, 4, shape, cursorOf)).toEqual({ items: [1, 2, 3, 4], nextCursor: null });
    expect(toPage(rows.slice(0, 2), 3, shape, cursorOf)).toEqual({ items: [1, 2], nextCursor: null });
    expect(toPage([], 3, shape, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});
