import { describe, expect, it } from "vitest";
import { createWorkQueue } from "./work-queue";

/** A task that finishes when the test says so, recording when it started. */
function controlled(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`start ${name}`);
      await done;
      return name;
    },
    finish,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("createWorkQueue", () => {
  it("runs at most `concurrency` tasks, queues `maxWaiting` in arrival order, and refuses the rest without running them", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ concurrency: 2, maxWaiting: 2 });
    const tasks = ["a", "b", "c", "d", "e"].map((name) => controlled(log, name));
    const results = tasks.map((t) => queue.tryRun(t.task));
    expect(results[4]).toBeNull();
    expect(queue.hasRoom()).toBe(false);
    await settle();
    expect(log).toEqual(["start a", "start b"]);
    expect([queue.running, queue.waiting]).toEqual([2, 2]);

    tasks[1]!.finish();
    expect(await results[1]).toBe("b");
    await settle();
    expect(log).toEqual(["start a", "start b", "start c"]);
    expect([queue.running, queue.waiting]).toEqual([2, 1]);
    expect(queue.hasRoom()).toBe(true);

    for (const t of tasks) t.finish();
    expect(await Promise.all(results.slice(0, 4))).toEqual(["a", "b", "c", "d"]);
    expect(log).toEqual(["start a", "start b", "start c", "start d"]);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it("hands a finished task's place to the first waiting one, so a newcomer cannot overtake it or exceed the limit", async () => {
    const log: string[] = [];
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 1 });
    const first = controlled(log, "first");
    const waiting = controlled(log, "waiting");
    const p1 = queue.tryRun(first.task);
    const p2 = queue.tryRun(waiting.task);
    await settle();
    first.finish();
    await p1;
    // The waiting task holds the place now; a newcomer queues behind it.
    expect(queue.running).toBe(1);
    const late = controlled(log, "late");
    const p3 = queue.tryRun(late.task);
    expect(p3).not.toBeNull();
    await settle();
    expect(log).toEqual(["start first", "start waiting"]);
    waiting.finish();
    late.finish();
    await Promise.all([p2, p3]);
    expect(log).toEqual(["start first", "start waiting", "start late"]);
  });

  it("frees the place of a task that fails", async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.tryRun(async () => Promise.reject(new Error("crashed")))).rejects.toThrow("crashed");
    expect(queue.running).toBe(0);
    expect(await queue.tryRun(async () => "next")).toBe("next");
  });
});
