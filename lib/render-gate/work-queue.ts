/**
 * At most `concurrency` tasks at a time, and at most `maxWaiting` more waiting their turn in
 * arrival order. A task offered past that is refused at once rather than queued without end:
 * a queue that only grows turns a burst into a wait that every later request shares.
 */
export interface WorkQueue {
  /** Starts or queues the task, or answers null (and never runs it) when every place is taken. */
  tryRun<T>(task: () => Promise<T>): Promise<T> | null;
  hasRoom(): boolean;
  readonly running: number;
  readonly waiting: number;
  readonly concurrency: number;
}

export function createWorkQueue(options: { concurrency: number; maxWaiting: number }): WorkQueue {
  const { concurrency, maxWaiting } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError("concurrency must be a whole number of at least 1");
  let running = 0;
  const waiting: Array<() => void> = [];

  const hasRoom = () => running < concurrency || waiting.length < maxWaiting;

  /** A finished task hands its place straight to the first waiting one, so no newcomer can slip in between. */
  const next = () => {
    const first = waiting.shift();
    if (first) first();
    else running--;
  };

  return {
    tryRun<T>(task: () => Promise<T>): Promise<T> | null {
      if (!hasRoom()) return null;
      let turn: Promise<void>;
      if (running < concurrency) {
        running++;
        turn = Promise.resolve();
      } else {
        turn = new Promise<void>((resolve) => waiting.push(resolve));
      }
      return turn.then(async () => {
        try {
          return await task();
        } finally {
          next();
        }
      });
    },
    hasRoom,
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
    concurrency,
  };
}
