/**
 * Turns FormData into a plain object for zod, with dotted names for nested lists:
 * `sources.0.url` becomes `{ sources: [{ url }] }`. Files are ignored; repeated plain
 * names keep the last value. List entries whose fields are all blank are dropped, so an
 * empty "add a source" row does not fail validation.
 *
 * Field names come from whoever posts the form. A name segment only ever reads a container
 * this function made itself (own properties, never inherited ones) and "__proto__" is dropped,
 * so `__proto__.x` or `constructor.prototype.x` cannot reach Object.prototype, and a name that
 * both holds a value and nests (`a`, `a.b`) keeps the later one instead of throwing.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const path = name.split(".");
    if (path.includes("__proto__")) continue;
    let node: Record<string, unknown> = out;
    path.forEach((key, i) => {
      if (i === path.length - 1) {
        node[key] = value;
        return;
      }
      const existing = Object.hasOwn(node, key) ? node[key] : undefined;
      if (typeof existing !== "object" || existing === null) node[key] = /^\d+$/.test(path[i + 1]!) ? [] : {};
      node = node[key] as Record<string, unknown>;
    });
  }
  for (const [key, value] of Object.entries(out)) {
    if (Array.isArray(value)) {
      out[key] = value.filter((item) => item !== undefined && !(typeof item === "object" && Object.values(item).every((v) => typeof v === "string" && v.trim() === "")));
    }
  }
  return out;
}
