import "server-only";
import type { CopyTable } from "./copy-engine";

/**
 * The tables in an order where every table comes after the tables its foreign keys point to,
 * so rows can be inserted table by table. A table's references to itself (a claim merged into
 * another claim) are left to the engine's deferred or disabled checks. Ties keep the schema's
 * order, so the order is the same on every run.
 */
export function foreignKeyOrder(tables: CopyTable[]): CopyTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: CopyTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: CopyTable, path: string[]) => {
    if (state.get(table.name) === "done") return;
    if (state.get(table.name) === "visiting") throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(" → ")}`);
    state.set(table.name, "visiting");
    for (const name of table.references) {
      if (name === table.name) continue;
      const target = byName.get(name);
      if (!target) throw new Error(`${table.name} references ${name}, which is not among the copied tables.`);
      visit(target, [...path, table.name]);
    }
    state.set(table.name, "done");
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}
