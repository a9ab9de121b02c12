/**
 * Why the database refused a statement: a trigger's or constraint's message is the error's own
 * on SQLite, and on PostgreSQL the cause of drizzle's "Failed query" error. Fails the test if
 * the statement went through.
 */
export async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ""}`;
  }
  throw new Error("The statement was not refused.");
}
