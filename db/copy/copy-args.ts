import "server-only";
import { parseArgs } from "node:util";
import { z } from "zod";
import { type DeskLocation, locateDesk, sameDesk } from "./database-url";

export const COPY_USAGE = "Usage: npm run db:copy -- --from <database url> --to <database url>\n" +
  "  URLs: file:./path/to/claimline.db (SQLite) or postgres://user@host:5432/database (PostgreSQL).";

/** A database URL flag: missing, blank, unsupported and in-memory URLs each get their own message. */
const location = (missing: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `is missing (${missing})` : "needs a database URL") })
    .trim()
    .min(1, "needs a database URL")
    .transform((url, ctx) => {
      try {
        return locateDesk(url);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    });

const copyArgs = z
  .object({ from: location("the desk to copy"), to: location("the empty database to copy it into") })
  .refine((a) => !sameDesk(a.from, a.to), { message: "--from and --to name the same database: a desk cannot be copied onto itself." });

export interface CopyArgs {
  from: DeskLocation;
  to: DeskLocation;
}

/** Parses the script's arguments; throws an Error whose message lists every problem and the usage. */
export function parseCopyArgs(argv: string[]): CopyArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { from: { type: "string" }, to: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    // node's messages name the flag ("Unknown option '--form'"); the usage says what is expected.
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${COPY_USAGE}`);
  }
  const parsed = copyArgs.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `--${issue.path.join(".")} ${issue.message}` : issue.message));
    throw new Error(`${problems.join("\n")}\n${COPY_USAGE}`);
  }
  return parsed.data;
}
