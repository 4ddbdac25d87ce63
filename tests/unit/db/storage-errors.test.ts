import { describe, expect, it } from 'vitest';
import { storageProblem, storageProblemMessage } from '../../../src/server/db/storage-errors';

/** An error with a SQLite result code, as better-sqlite3 throws it. */
const sqliteError = (code: string) => Object.assign(new Error('disk says no'), { code });

describe('storageProblem', () => {
  it.each([
    ['SQLITE_FULL', 'full'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_CONSTRAINT_UNIQUE', null],
    ['SQLITE_BUSY', null],
  ])('%s → %s', (code, problem) => {
    expect(storageProblem(sqliteError(code))).toBe(problem);
  });

  it('finds the code in a cause, and nothing in other errors', () => {
    expect(storageProblem(new Error('save failed', { cause: sqliteError('SQLITE_FULL') }))).toBe('full');
    expect(storageProblem(new TypeError('x is undefined'))).toBeNull();
    expect(storageProblem(null)).toBeNull();
  });

  it('tells the user that nothing was saved and reading still works', () => {
    expect(storageProblemMessage('full')).toMatch(/data folder is full\); nothing was saved and reading still works/);
  });
});
