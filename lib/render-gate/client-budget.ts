/**
 * A budget of `points` per client per window (a fixed window that starts at the client's first
 * request), remembered for at most `maxClients` clients. Bounded in memory whatever the
 * traffic: past `maxClients` the client whose window started longest ago is forgotten (and so
 * starts afresh), which costs a client with many addresses a little of its budget's force but
 * never the server its memory. The queue behind it still bounds the work.
 */
export type BudgetAnswer = { ok: true } | { ok: false; retryAfterMs: number };

export interface ClientBudget {
  take(client: string): BudgetAnswer;
  /** How many clients are remembered. */
  readonly size: number;
}

export function createClientBudget(options: { points: number; windowMs: number; maxClients: number; now?: () => number }): ClientBudget {
  const { points, windowMs, maxClients, now = Date.now } = options;
  // In order of window start: every window is as long, so the first to end is the first here.
  const windows = new Map<string, { used: number; endsAt: number }>();

  const forgetEnded = (at: number) => {
    for (const [client, window] of windows) {
      if (window.endsAt > at) break;
      windows.delete(client);
    }
  };

  return {
    take(client) {
      const at = now();
      forgetEnded(at);
      let window = windows.get(client);
      if (!window) {
        window = { used: 0, endsAt: at + windowMs };
        windows.set(client, window);
        if (windows.size > maxClients) windows.delete(windows.keys().next().value!);
      }
      if (window.used >= points) return { ok: false, retryAfterMs: window.endsAt - at };
      window.used++;
      return { ok: true };
    },
    get size() {
      return windows.size;
    },
  };
}
