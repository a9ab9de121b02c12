/** Runs `run` and returns what it threw, or null: for tests that check which error a call refuses with. */
export async function attempt(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return null;
  } catch (error) {
    return error;
  }
}
