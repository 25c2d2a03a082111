// Documents go to pool workers in batches: one message each way per batch instead of one per
// document, so the main thread makes one piscina task, abort signal and post per batch. What a
// post costs beyond that is the size of what it carries (~0.1 ms per 8 kB record on each side,
// strings or buffers alike), which batching does not change. Each document keeps its own
// promise, so results are written in input order whatever the batching.

/** When a batch is sent: whichever limit it reaches first. */
export const BATCH_LIMITS = {
  documents: 8,
  /** UTF-16 code units of text, or bytes of a buffer. */
  size: 64 * 1024,
  example: "9 kB news records go over 7 at a time; 8 tweets in one message; a 1 MB record alone",
} as const;

export type ItemResult<R> = { ok: R } | { error: string };

export interface BatchSender<T, R> {
  /** Runs the items as one unit; rejects when the batch as a whole failed (timed out, worker lost). */
  many(items: T[]): Promise<Array<ItemResult<R>>>;
  /** Runs one item by itself, under its own time limit. */
  one(item: T): Promise<R>;
}

/** An item waiting for its result, with the promise's ends. */
export interface Pending<T, R> {
  item: T;
  resolve(value: R): void;
  reject(error: Error): void;
}

/** Answers each item of a batch with its own result: a document that failed fails alone. */
export function answerEach<T, R>(batch: ReadonlyArray<Pending<T, R>>, results: ReadonlyArray<ItemResult<R>>): void {
  batch.forEach((p, i) => {
    const result = results[i];
    if ("ok" in result) p.resolve(result.ok);
    else p.reject(new Error(result.error));
  });
}

export interface BatcherOptions<T> {
  limits?: { documents: number; size: number };
  sizeOf(item: T): number;
  /** Items sent by themselves (an HTML page costs far more to clean than a message). */
  alone?(item: T): boolean;
}

/**
 * Collects items into batches and sends each batch once it is full, or when `flush` is called
 * (the caller is about to wait for a result). When a batch fails as a whole, each of its items
 * runs again alone, so that only the one at fault fails, with the reason it has alone: the
 * same outcome, item by item, as sending them one at a time.
 */
export class Batcher<T, R> {
  #pending: Array<Pending<T, R>> = [];
  #pendingSize = 0;
  readonly #limits: { documents: number; size: number };

  constructor(
    private readonly sender: BatchSender<T, R>,
    private readonly options: BatcherOptions<T>,
  ) {
    this.#limits = options.limits ?? BATCH_LIMITS;
  }

  add(item: T): Promise<R> {
    if (this.options.alone?.(item)) {
      this.flush();
      return this.sender.one(item);
    }
    const result = new Promise<R>((resolve, reject) => this.#pending.push({ item, resolve, reject }));
    this.#pendingSize += this.options.sizeOf(item);
    if (this.#pending.length >= this.#limits.documents || this.#pendingSize >= this.#limits.size) this.flush();
    return result;
  }

  /**
   * Sends what is collected so far; given an item, only if that item is among it (the caller is
   * about to wait for it). Without the condition, a caller that waits for each result in turn
   * would send every batch after the first with one item in it.
   */
  flush(item?: T): void {
    if (this.#pending.length === 0) return;
    if (item !== undefined && !this.#pending.some((p) => p.item === item)) return;
    const batch = this.#pending;
    this.#pending = [];
    this.#pendingSize = 0;
    void this.#send(batch);
  }

  async #send(batch: Array<Pending<T, R>>): Promise<void> {
    if (batch.length === 1) return this.#sendAlone(batch[0]);
    let results: Array<ItemResult<R>>;
    try {
      results = await this.sender.many(batch.map((p) => p.item));
    } catch {
      await Promise.all(batch.map((p) => this.#sendAlone(p)));
      return;
    }
    answerEach(batch, results);
  }

  #sendAlone(p: Pending<T, R>): Promise<void> {
    return this.sender.one(p.item).then(p.resolve, p.reject);
  }
}

/** What a document weighs in a batch: the characters or bytes of its content. */
export function contentSize(content: string | Uint8Array): number {
  return typeof content === "string" ? content.length : content.byteLength;
}
