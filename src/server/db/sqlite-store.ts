import type { Settings } from '../../lib/settings';
import type { ServerConfig } from '../config';
import { AccountsRepository } from './accounts-repository';
import { ClustersRepository } from './clusters-repository';
import { ContactRequestsRepository } from './contact-requests-repository';
import { InvitationsRepository } from './invitations-repository';
import { MailOutboxRepository } from './mail-outbox-repository';
import { RateLimitRepository } from './rate-limit-repository';
import { openDatabase, type Db } from './connection';
import { RegionalStatisticsRepository } from './regional-repository';
import { RevisionsRepository } from './revisions-repository';
import { SearchFallbackRepository } from './search-fallback-repository';
import { SearchOutboxRepository } from './search-outbox-repository';
import type { Store, UnitOfWorkOptions } from './store-interfaces';
import { WriteGate } from './write-gate';

/**
 * The embedded store: one SQLite file in DATA_DIR. Its repositories run their statements synchronously and
 * return settled promises, so a unit of work that awaits only them runs without yielding to other requests.
 */
export class SqliteStore implements Store {
  readonly clusters: ClustersRepository;
  readonly regions: RegionalStatisticsRepository;
  readonly searchOutbox: SearchOutboxRepository;
  readonly searchFallback: SearchFallbackRepository;
  readonly accounts: AccountsRepository;
  readonly mailOutbox: MailOutboxRepository;
  readonly rateLimits: RateLimitRepository;
  readonly revisions: RevisionsRepository;
  readonly invitations: InvitationsRepository;
  readonly contactRequests: ContactRequestsRepository;

  /** inUnitOfWork: this instance is the view handed to a unit of work (its writes must not wait for the gate it holds). */
  constructor(
    /** The connection, for tests and tools that inspect the file; the portal's code goes through the repositories. */
    readonly db: Db,
    readonly settings: Settings,
    readonly config: ServerConfig,
    private readonly gate: WriteGate = new WriteGate(),
    private readonly inUnitOfWork = false,
  ) {
    const writesWaitFor = inUnitOfWork ? null : gate;
    this.clusters = new ClustersRepository(db, writesWaitFor);
    this.regions = new RegionalStatisticsRepository(db, writesWaitFor);
    this.searchOutbox = new SearchOutboxRepository(db, writesWaitFor);
    this.searchFallback = new SearchFallbackRepository(db, writesWaitFor);
    this.accounts = new AccountsRepository(db, writesWaitFor);
    this.mailOutbox = new MailOutboxRepository(db, writesWaitFor);
    this.rateLimits = new RateLimitRepository(db, writesWaitFor);
    this.revisions = new RevisionsRepository(db, writesWaitFor);
    this.invitations = new InvitationsRepository(db, writesWaitFor);
    this.contactRequests = new ContactRequestsRepository(db, writesWaitFor);
  }

  /** Opens (creating and migrating if needed) the SQLite store in config.dataDir. */
  static open(config: ServerConfig, settings: Settings): SqliteStore {
    return new SqliteStore(openDatabase(config.dataDir), settings, config);
  }

  /** BEGIN (IMMEDIATE unless read-only) … COMMIT around the work; ROLLBACK when it throws. Nested calls join the outer one. */
  async transaction<T>(work: (tx: Store) => Promise<T>, options: UnitOfWorkOptions = {}): Promise<T> {
    if (this.inUnitOfWork) return work(this);
    const release = await this.gate.acquire();
    try {
      this.db.exec(options.readOnly ? 'BEGIN' : 'BEGIN IMMEDIATE');
      try {
        const result = await work(new SqliteStore(this.db, this.settings, this.config, this.gate, true));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
    }
  }

  /** Whether the connection is open. */
  isOpen(): boolean {
    return this.db.open;
  }

  /** Closes the connection (idempotent). */
  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
