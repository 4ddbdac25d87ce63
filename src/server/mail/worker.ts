import type { Store } from '../db/store-interfaces';
import { retryDelayMs } from '../db/search-outbox-repository';
import { transportFromEnv, type MailTransport } from './transport';

/** How often the worker looks for due mail (it is also woken right after a mail is queued). */
const POLL_MS = 2000;
/** Mails handed over per round. */
const BATCH = 20;

/**
 * Delivers the mail outbox. Each mail is claimed (marked sent) before it is handed to the transport, so it goes
 * out at most once even with two server processes; when the transport throws, the mail is put back with backoff
 * (1 s, 2 s, 4 s … up to an hour) and the cause is logged.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wokenDuringRound = false;

  constructor(
    private readonly store: Store,
    private readonly transport: MailTransport,
    private readonly pollMs = POLL_MS,
  ) {}

  /** Starts polling on an unref'd timer (it never keeps the process alive). */
  start(): this {
    this.schedule(0);
    return this;
  }

  /** Delivers what is due now instead of at the next poll. */
  wake(): void {
    this.schedule(0);
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: claims due mails and hands each to the transport. */
  async deliverDue(): Promise<number> {
    const mails = await this.store.mailOutbox.claimDue(BATCH);
    for (const mail of mails) {
      try {
        await this.transport.send(mail);
      } catch (error) {
        const next = new Date(Date.now() + retryDelayMs(mail.attempts)).toISOString();
        console.error(`[mail] delivery of mail ${mail.id} (attempt ${mail.attempts}) failed; trying again at ${next}:`, error);
        await this.store.mailOutbox.markFailed(mail.id, error instanceof Error ? error.message : String(error), next);
      }
    }
    return mails.length;
  }

  /** Runs a round after delayMs unless one is already scheduled sooner or the store has closed. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.round(), delayMs);
    this.timer.unref();
  }

  /** One round, then the next poll; a wake during a round runs another one right after it. */
  private async round(): Promise<void> {
    if (this.running) {
      this.wokenDuringRound = true;
      return;
    }
    if (!this.store.isOpen()) return;
    this.running = this.deliverDue()
      .then(() => undefined)
      .catch((error: unknown) => console.error('[mail] reading the mail outbox failed:', error));
    await this.running;
    this.running = null;
    const again = this.wokenDuringRound;
    this.wokenDuringRound = false;
    this.schedule(again ? 0 : this.pollMs);
  }
}

const workers = new WeakMap<Store, MailWorker>();

/** The store's mail worker, created from the environment (SMTP_URL) and started on first use. */
export function getMailWorker(store: Store): MailWorker {
  let worker = workers.get(store);
  if (!worker) {
    worker = new MailWorker(store, transportFromEnv()).start();
    workers.set(store, worker);
  }
  return worker;
}
