/**
 * Serialises units of work on one SQLite connection. A transaction on a connection covers every statement run
 * on it, so while a unit of work is open (BEGIN … COMMIT across awaits) writes from elsewhere wait for it to end
 * instead of joining it.
 */
export class WriteGate {
  private tail: Promise<void> = Promise.resolve();
  private held = 0;

  /** Whether a unit of work holds the gate now. */
  get busy(): boolean {
    return this.held > 0;
  }

  /** Waits for the gate, then holds it; the returned function releases it. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    this.held++;
    await previous;
    return () => {
      this.held--;
      release();
    };
  }

  /** Resolves once no unit of work holds the gate (at once when none does). */
  async whenIdle(): Promise<void> {
    while (this.busy) await this.tail;
  }
}
