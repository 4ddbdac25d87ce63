import { statementCache, type Db } from './connection';
import type { WriteGate } from './write-gate';

/** What every SQLite repository holds: the connection, its compiled statements and the write gate. */
export abstract class SqliteRepository {
  protected readonly sql: ReturnType<typeof statementCache>;

  /** gate: writes wait while a unit of work holds it (null inside the unit of work itself). */
  constructor(
    protected readonly db: Db,
    protected readonly gate: WriteGate | null = null,
  ) {
    this.sql = statementCache(db);
  }

  /**
   * Runs fn in one transaction (a savepoint inside a unit of work) once no other unit of work holds the connection.
   * IMMEDIATE: the write lock comes first, so a read-then-write cannot find its snapshot overtaken by the other
   * process on the file (serving and standby), which SQLite answers with SQLITE_BUSY without waiting.
   */
  protected async write<T>(fn: () => T): Promise<T> {
    if (this.gate) await this.gate.whenIdle();
    return this.db.transaction(fn).immediate();
  }
}
