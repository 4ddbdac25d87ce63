/**
 * What the portal asks of its store, independent of the database behind it. Every method returns a Promise so
 * that a networked store (PostgreSQL for several instances behind one Meilisearch) can implement the same
 * interfaces; the SQLite classes in this folder are the embedded implementation. Pages, API routes, services
 * and scripts depend on these interfaces only (through `Store` in src/server/store.ts).
 */
import type { Role } from '../../lib/accounts/limits';
import type { RateDecision, RateLimit } from '../../lib/accounts/rate-limit';
import type { Lang } from '../../lib/i18n/locales';
import type { ClusterSummary, Profile } from '../../lib/profile';
import type { IndicatorKey } from '../../lib/profile/vocabulary';
import type { RegionalStatisticsRecord } from '../../lib/regional-statistics';
import type { SearchTextColumns } from '../../lib/search/document';
import type { ContactStatus } from '../../lib/contact/schema';
import type { Settings } from '../../lib/settings';
import type { RevisionState } from '../../lib/workflow/transitions';
import type { ServerConfig } from '../config';

type General = Profile['general'];

/** Moderation state of a stored profile; only "approved" profiles are public. */
export type Publication = 'draft' | 'submitted' | 'approved' | 'rejected' | 'archived';

export type { ClusterSummary };

/** One stored indicator value with its cluster and year. */
export interface IndicatorRow {
  slug: Profile['slug'];
  industryGroup: General['industryGroup'];
  year: number;
  indicator: IndicatorKey;
  value: number;
  source: string;
}

/** What ordering a list of clusters needs, without the rest of their rows. */
export type ClusterSortKey = Pick<ClusterSummary, 'slug' | 'name' | 'foundedYear'>;

/** One public cluster as an export reads it: its summary and the indicator values (with sources) of the export's year. */
export interface ClusterExportRecord extends ClusterSummary {
  indicators: Array<Pick<IndicatorRow, 'indicator' | 'value' | 'source'>>;
}

/** Who made a change and why, recorded in the audit log. */
export interface ChangeContext {
  actor: string;
  action: string;
}

/** Filters of the public cluster list; all optional. */
export type ClusterFilter = Partial<Pick<General, 'industryGroup' | 'region' | 'status'>>;

/** How a profile is stored: its moderation state and where it came from. */
export interface SaveOptions {
  publication: Publication;
  origin?: 'seed' | 'registration';
  seedHash?: string;
}

/** Seed bookkeeping for a slug: its stored seed hash and whether the portal edited it since. */
export interface SeedState {
  seedHash: string | null;
  editedAfterSeed: boolean;
}

/** Clusters and their indicator values; every change also queues a search-outbox row and an audit entry, atomically. */
export interface ClustersStore {
  /** Public (approved) clusters matching the filter, ordered by slug. */
  listPublic(filter?: ClusterFilter): Promise<ClusterSummary[]>;
  /** Number of public clusters. */
  countPublic(): Promise<number>;
  /** The full public profile, or undefined when missing or not approved. */
  getPublicProfile(slug: string): Promise<Profile | undefined>;
  /** Publication state of a cluster, or undefined when there is none with this slug. */
  getPublication(slug: string): Promise<Publication | undefined>;
  /** Indicator values of all public clusters (optionally one year), for the index. */
  listPublicIndicators(year?: number): Promise<IndicatorRow[]>;
  /** Sort keys of the public clusters matching the filter (an export orders these, then reads the rows one by one). */
  listPublicSortKeys(filter?: ClusterFilter): Promise<ClusterSortKey[]>;
  /**
   * The public clusters named by slug, in the list's order, each with its indicator values of the year (none for
   * null), read lazily: a row is read when the consumer asks for it, from one consistent snapshot, and stopping
   * early (`return()`) releases what the read holds. Slugs that are not public are skipped.
   */
  iteratePublicForExport(slugs: readonly string[], year: number | null): AsyncIterable<ClusterExportRecord>;
  /** Approved profiles among the slugs (every approved one when omitted), in storage order. */
  listApprovedProfiles(slugs?: readonly string[]): Promise<Profile[]>;
  /** Slugs of the approved clusters among the given ones. */
  approvedAmong(slugs: readonly string[]): Promise<Set<string>>;
  /** Counter bumped by every write; caches of derived values key on it. */
  dataVersion(): Promise<number>;
  /** Validates and stores a profile with its indicators, search-outbox row and audit entry, all or nothing. */
  save(input: unknown, options: SaveOptions, change: ChangeContext): Promise<Profile>;
  /** Seed bookkeeping for a slug, undefined when it is not stored. */
  seedState(slug: string): Promise<SeedState | undefined>;
}

/** What one regional import wrote: rows upserted, distinct regions and years, and the clusters queued for re-indexing. */
export interface RegionalImportReport {
  rows: number;
  regions: string[];
  years: number[];
  queuedClusters: string[];
}

/** Regional foreign-economic statistics per (region, year). */
export interface RegionalStatisticsStore {
  /** Upserts the records with one audit entry and an outbox row per affected public cluster, all or nothing. */
  importRecords(records: readonly RegionalStatisticsRecord[], actor: string): Promise<RegionalImportReport>;
  /** The same for records read as they come (a file being parsed); a throw from the iterable writes nothing. */
  importStream(records: Iterable<RegionalStatisticsRecord> | AsyncIterable<RegionalStatisticsRecord>, actor: string): Promise<RegionalImportReport>;
  /** Every stored record of every year, as stored (screen them before use: a row written around the importer may be anything). */
  listAll(): Promise<RegionalStatisticsRecord[]>;
  /** All records of one year, sorted by region code. */
  listYear(year: number): Promise<RegionalStatisticsRecord[]>;
  /** The record of a region in a year, or undefined when none was imported. */
  get(region: string, year: number): Promise<RegionalStatisticsRecord | undefined>;
  /** Years with any regional statistics, ascending. */
  years(): Promise<number[]>;
}

/** A queued search update: the cluster to re-send (its current state is read when sending). */
export interface OutboxRow {
  id: number;
  slug: string;
  attempts: number;
}

/** The delivery side of the search outbox (the rows are written by the clusters and regional stores). */
export interface SearchOutboxStore {
  /** Whether any change still waits for delivery to Meilisearch. */
  hasPending(): Promise<boolean>;
  /** Undelivered rows whose next attempt is due, oldest first. */
  due(limit: number, now?: string): Promise<OutboxRow[]>;
  /** Number of undelivered rows (due or waiting for a retry). */
  pendingCount(): Promise<number>;
  /** Highest row id so far (0 when empty). */
  maxId(): Promise<number>;
  /** Records delivery and prunes rows delivered over a week ago. */
  markDone(ids: readonly number[], now?: string): Promise<void>;
  /** Records a failed attempt and schedules the next one with backoff. */
  markFailed(rows: readonly OutboxRow[], error: string, now?: number): Promise<void>;
  /** Notes why delivery is waiting without pushing the rows back. */
  noteUnavailable(ids: readonly number[], error: string): Promise<void>;
  /** After a rebuild from a snapshot: rows up to it are delivered, later ones are due again. */
  settleAfterRebuild(snapshotId: number, now?: string): Promise<{ settled: number; reopened: number }>;
}

/** A public cluster that matched the fallback's text search, with its relevance (lower is better). */
export type FallbackCandidate = Pick<ClusterSummary, 'slug' | 'name' | 'industryGroup' | 'region' | 'status' | 'foundedYear'> & {
  /** The store's key of the row, used to ask for snippets and cities of a page. */
  id: number;
  lat: number;
  lon: number;
  score: number;
};

/** The reduced search used while Meilisearch is unavailable: a full-text index kept in step with the outbox. */
export interface SearchFallbackStore {
  /** Brings the text index up to date with the outbox; returns how many clusters were re-indexed. */
  sync(): Promise<{ reindexed: number }>;
  /** Public clusters matching a full-text expression (every public one for null), best first. */
  candidates(match: string | null): Promise<FallbackCandidate[]>;
  /** The topics and body text around the matches of the given rows, marked with pre/post. */
  snippets(match: string, ids: readonly number[], marks: { pre: string; post: string }): Promise<Array<{ id: number } & Pick<SearchTextColumns, 'topics' | 'body'>>>;
  /** The city of each of the given rows. */
  cities(ids: readonly number[]): Promise<Map<number, General['city']>>;
}

/** A stored account (the password hash never leaves src/server). */
export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The language the account signed up in: its mails are written in it. */
  lang: Lang;
  passwordHash: string;
  confirmedAt: string | null;
  disabledAt: string | null;
  createdAt: string;
}

/** What creating an account stores. */
export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  lang: Lang;
  confirmedAt?: string | null;
}

/** Changes to an account; omitted fields stay as they are. */
export type UserChanges = Partial<Pick<UserRecord, 'name' | 'passwordHash' | 'role' | 'confirmedAt' | 'disabledAt' | 'lang'>>;

/** What a new session stores: the SHA-256 of its cookie's token, never the token. */
export interface NewSession {
  tokenHash: string;
  userId: number;
  expiresAt: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** A live session with its account. */
export interface SessionRecord {
  id: number;
  lastSeenAt: string;
  expiresAt: string;
  user: UserRecord;
}

/** Purpose of a mailed single-use link. */
export type EmailTokenPurpose = 'confirm' | 'reset';

/** Outcome of using a mailed link: its account, or why it does not work. */
export type EmailTokenUse = { ok: true; userId: number } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** An API token as its owner sees it (never the token or its hash). */
export interface ApiTokenInfo {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Accounts, sessions, mailed links and API tokens; every account change writes the audit log in the same transaction. */
export interface AccountsStore {
  /** The account with this email (compared case-insensitively), if any. */
  findUserByEmail(email: string): Promise<UserRecord | undefined>;
  /** The account with this id, if any. */
  getUser(id: number): Promise<UserRecord | undefined>;
  /** Creates an account; throws when the email is taken (check first inside the same unit of work). */
  createUser(user: NewUser, change: ChangeContext): Promise<UserRecord>;
  /** Changes an account and audits what changed (never the values of secrets). */
  updateUser(id: number, changes: UserChanges, change: ChangeContext): Promise<void>;
  /** Stores a new session. */
  createSession(session: NewSession, change: ChangeContext): Promise<void>;
  /** The unexpired session with this token hash and its account, if any. */
  findSession(tokenHash: string, now?: string): Promise<SessionRecord | undefined>;
  /** Records that a session was used now. */
  touchSession(id: number, now?: string): Promise<void>;
  /** Deletes the session with this token hash (signing out); true when there was one. */
  deleteSession(tokenHash: string, change: ChangeContext): Promise<boolean>;
  /** Deletes every session of an account (after a password reset or when it is disabled); returns how many. */
  deleteSessionsOf(userId: number): Promise<number>;
  /** Stores a mailed single-use link's token hash. */
  createEmailToken(token: { tokenHash: string; purpose: EmailTokenPurpose; userId: number; expiresAt: string }): Promise<void>;
  /** Whether a mailed link works now, without using it (to show the reset form or say it expired). */
  checkEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now?: string): Promise<EmailTokenUse>;
  /** Uses a mailed link: marks it used (once only) and returns its account, or why it does not work. */
  useEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now?: string): Promise<EmailTokenUse>;
  /** Stores a new API token of an account; returns its id. */
  createApiToken(token: { tokenHash: string; userId: number; name: string }, change: ChangeContext): Promise<number>;
  /** The API tokens of an account, newest first. */
  listApiTokens(userId: number): Promise<ApiTokenInfo[]>;
  /** Revokes an account's token; false when it has no such live token. */
  revokeApiToken(userId: number, tokenId: number, change: ChangeContext): Promise<boolean>;
  /** The account of a live API token (and records its use), if any. */
  useApiToken(tokenHash: string, now?: string): Promise<UserRecord | undefined>;
  /** Accounts whose e-mail or name contains the text (every account without one), newest first, at most `limit`. */
  listUsers(filter: { text?: string; limit: number }): Promise<UserRecord[]>;
  /** Writes one audit entry (for account events that change no row, e.g. a refused sign-in is not one of them). */
  audit(change: ChangeContext, subject: string, detail?: Record<string, unknown>): Promise<void>;
}

/** A mail waiting in the outbox. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Where a reply goes instead of the portal's no-reply sender (e.g. a visitor who wrote to a cluster). */
  replyTo?: string;
}

/** A mail claimed for delivery. */
export interface ClaimedMail extends MailMessage {
  id: number;
  attempts: number;
}

/** The mail outbox: written in the same unit of work as what caused each mail, delivered by the mail worker. */
export interface MailOutboxStore {
  /** Queues a mail (inside the caller's unit of work). */
  enqueue(message: MailMessage): Promise<number>;
  /** Claims due mails for delivery: marks them sent before they are handed over, so no mail goes out twice. */
  claimDue(limit: number, now?: string): Promise<ClaimedMail[]>;
  /** Puts a mail whose delivery failed back in the queue, to be tried again at nextAttemptAt. */
  markFailed(id: number, error: string, nextAttemptAt: string): Promise<void>;
  /** Mails not yet handed over. */
  pendingCount(): Promise<number>;
}

/** Rate-limit counters, kept in the store so that they survive restarts and are shared by every server process. */
export interface RateLimitStore {
  /** Counts one attempt of a key against a limit; says whether it may go ahead and otherwise how long to wait. */
  hit(key: string, limit: RateLimit, now?: number): Promise<RateDecision>;
}

/** Whether a revision registers a new cluster or edits an approved one. */
export type RevisionKind = 'registration' | 'edit';

/** One revision of a cluster's profile (never public until approved; then its profile is copied into clusters). */
export interface Revision {
  id: number;
  slug: string;
  /** 1, 2, … per slug: the order of the cluster's revisions. */
  number: number;
  kind: RevisionKind;
  state: RevisionState;
  profile: Profile;
  authorId: number;
  updatedBy: number;
  submittedBy: number | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decidedBy: number | null;
  /** The moderator's comment of the last return. */
  comment: string | null;
  /** Fields changed against the public version it replaced, recorded at approval. */
  changedFields: string[] | null;
}

/** A revision in the moderation queue: who submitted it and how long it has waited. */
export interface QueueItem {
  id: number;
  slug: string;
  number: number;
  kind: RevisionKind;
  state: RevisionState;
  name: General['name'];
  region: General['region'];
  industryGroup: General['industryGroup'];
  authorId: number;
  submittedBy: number | null;
  submittedAt: string | null;
  updatedAt: string;
  /** Seconds since submission (since the last update for drafts), at the time of the query. */
  ageSeconds: number;
}

/** One approved version in a cluster's history, with what it changed. */
export interface HistoryEntry {
  id: number;
  number: number;
  kind: RevisionKind;
  approvedAt: string;
  approvedBy: number;
  authorId: number;
  changedFields: string[];
}

/** A manager of a cluster. */
export interface ClusterManager {
  slug: string;
  userId: number;
  addedBy: number;
  addedAt: string;
}

/** States of a claim to manage a seeded (or otherwise unmanaged) cluster. */
export type ClaimState = 'pending' | 'confirmed' | 'rejected';

/** A claim to manage a cluster, decided by a moderator. */
export interface Claim {
  id: number;
  slug: string;
  userId: number;
  state: ClaimState;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: number | null;
}

/** A cluster a user manages: whether it is public and the state of its open revision. */
export interface ManagedCluster {
  slug: string;
  name: General['name'];
  isPublic: boolean;
  openRevision: Pick<Revision, 'id' | 'number' | 'state' | 'comment' | 'updatedAt'> | null;
}

/** An audit-log entry written by the workflow (the clusters store writes its own on every save). */
export interface AuditEntry {
  actorUserId: number;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
}

/**
 * Revisions, managers and claims as stored. The rules (who may do what, in which state) are in src/lib/workflow
 * and applied by src/server/workflow/revisions.ts inside a unit of work; these methods only read and write.
 */
export interface RevisionsStore {
  /** The cluster's draft, submitted or returned revision, if any. */
  openRevision(slug: string): Promise<Revision | undefined>;
  /** A revision by id. */
  get(id: number): Promise<Revision | undefined>;
  /** Stores a new open revision numbered after the slug's last one. */
  create(input: { slug: string; kind: RevisionKind; profile: Profile; userId: number }): Promise<Revision>;
  /** Replaces the profile of an open revision. */
  updateProfile(id: number, profile: Profile, userId: number): Promise<Revision>;
  /** Moves a revision to a state, recording the submission or the decision that did it. */
  setState(
    id: number,
    state: RevisionState,
    by: { userId: number; submission?: boolean; decision?: boolean; comment?: string; changedFields?: string[] },
  ): Promise<Revision>;
  /** Revisions in the given states, oldest submission first (the moderation queue). */
  listByState(states: readonly RevisionState[], now?: Date): Promise<QueueItem[]>;
  /** The approved revisions of a cluster, newest first, with their changed fields. */
  approvedHistory(slug: string): Promise<HistoryEntry[]>;
  /** The slug of another cluster (public, or with an open revision) already named so in either language, if any. */
  nameHolder(name: General['name'], exceptSlug: string): Promise<string | undefined>;
  /** Managers of a cluster, in the order they were added. */
  managers(slug: string): Promise<ClusterManager[]>;
  /** Adds a manager; false when they already were one. */
  addManager(slug: string, userId: number, addedBy: number): Promise<boolean>;
  /** Removes a manager; false when they were none. */
  removeManager(slug: string, userId: number): Promise<boolean>;
  /** The clusters a user manages, by slug. */
  managedBy(userId: number): Promise<ManagedCluster[]>;
  /** Records a pending claim. */
  createClaim(slug: string, userId: number): Promise<Claim>;
  /** A claim by id. */
  claim(id: number): Promise<Claim | undefined>;
  /** The user's pending claim on the cluster, if any. */
  pendingClaim(slug: string, userId: number): Promise<Claim | undefined>;
  /** Claims in a state, oldest first. */
  listClaims(state: ClaimState): Promise<Claim[]>;
  /** Confirms or rejects a pending claim. */
  decideClaim(id: number, state: Exclude<ClaimState, 'pending'>, decidedBy: number): Promise<Claim>;
  /** Writes an audit-log entry (who, what, when). */
  audit(entry: AuditEntry): Promise<void>;
}

/** States of an invitation to manage a cluster. */
export type InvitationState = 'pending' | 'accepted' | 'cancelled';

/** An invitation of an e-mail with no account to manage a cluster, accepted when such an account is confirmed. */
export interface Invitation {
  id: number;
  slug: string;
  email: string;
  invitedBy: number;
  state: InvitationState;
  createdAt: string;
  closedAt: string | null;
  closedBy: number | null;
}

/** Invitations to manage clusters, as stored (the rules are applied by src/server/workflow/invitations.ts). */
export interface InvitationsStore {
  /** Records a pending invitation; throws when one is pending for the cluster and address (check first). */
  create(slug: string, email: string, invitedBy: number): Promise<Invitation>;
  /** An invitation by id. */
  get(id: number): Promise<Invitation | undefined>;
  /** The pending invitations of a cluster, oldest first. */
  pendingFor(slug: string): Promise<Invitation[]>;
  /** The pending invitations of an e-mail, oldest first. */
  pendingOf(email: string): Promise<Invitation[]>;
  /** Accepts or cancels a pending invitation; false when it was not pending. */
  close(id: number, state: Exclude<InvitationState, 'pending'>, closedBy: number | null): Promise<boolean>;
}

/** A visitor's message to a cluster's managers, as stored (the confirmation token's hash never leaves src/server/db). */
export interface ContactRequest {
  id: number;
  slug: string;
  senderName: string;
  senderEmail: string;
  organisation: string | null;
  country: string | null;
  message: string;
  /** The language the sender wrote from: their mails are written in it. */
  lang: Lang;
  status: ContactStatus;
  createdAt: string;
  confirmedAt: string | null;
  /** When a manager of the cluster first saw it in the area (null: unread). */
  readAt: string | null;
  answeredAt: string | null;
  answeredBy: number | null;
  answer: string | null;
}

/** What storing a new (unconfirmed) request takes. */
export interface NewContactRequest {
  slug: string;
  senderName: string;
  senderEmail: string;
  organisation?: string;
  country?: string;
  message: string;
  lang: Lang;
  confirmTokenHash: string;
  confirmExpiresAt: string;
}

/** Outcome of following a request's confirmation link: the request now delivered, or why the link does not work. */
export type ContactConfirmation = { ok: true; request: ContactRequest } | { ok: false; reason: 'unknown' | 'expired' | 'used'; request?: ContactRequest };

/** Visitors' messages to clusters' managers (the rules are applied by src/server/contact/requests.ts). */
export interface ContactRequestsStore {
  /** Stores an unconfirmed request (and prunes unconfirmed ones whose link expired long ago). */
  create(request: NewContactRequest): Promise<ContactRequest>;
  /** A request by id. */
  get(id: number): Promise<ContactRequest | undefined>;
  /** Uses a confirmation link (once only): an unconfirmed, unexpired request becomes delivered. */
  confirm(tokenHash: string, now?: string): Promise<ContactConfirmation>;
  /** The delivered and answered requests of a cluster, newest first (unconfirmed ones are nobody's business yet). */
  listDelivered(slug: string): Promise<ContactRequest[]>;
  /** Marks the cluster's delivered, unread requests read; returns how many. */
  markRead(slug: string, now?: string): Promise<number>;
  /** Records the answer of a delivered request; false when it is not delivered (unconfirmed or already answered). */
  answer(id: number, answer: { text: string; by: number }, now?: string): Promise<boolean>;
  /** Unread delivered requests per cluster, for the given clusters (clusters with none are left out). */
  unreadCounts(slugs: readonly string[]): Promise<Map<string, number>>;
}

/** The repositories of one store (or of one unit of work inside it). */
export interface StoreRepositories {
  clusters: ClustersStore;
  regions: RegionalStatisticsStore;
  searchOutbox: SearchOutboxStore;
  searchFallback: SearchFallbackStore;
  accounts: AccountsStore;
  mailOutbox: MailOutboxStore;
  rateLimits: RateLimitStore;
  revisions: RevisionsStore;
  invitations: InvitationsStore;
  contactRequests: ContactRequestsStore;
}

/** How a unit of work runs: `readOnly` gives a consistent snapshot without holding the write lock. */
export interface UnitOfWorkOptions {
  readOnly?: boolean;
}

/** The opened store: its repositories, the validated settings and the configuration it was opened with. */
export interface Store extends StoreRepositories {
  readonly settings: Settings;
  readonly config: ServerConfig;
  /**
   * Runs several reads and writes as one unit of work: all commit together or none does. The work receives a
   * store bound to the transaction and must use it (and await nothing but it); nested calls join the outer one.
   */
  transaction<T>(work: (tx: Store) => Promise<T>, options?: UnitOfWorkOptions): Promise<T>;
  /** Whether the store is still open (background workers stop when it is closed). */
  isOpen(): boolean;
  /** Closes the store's connections. */
  close(): Promise<void>;
}
