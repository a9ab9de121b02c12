/**
 * Turns FormData into a plain object for zod, with dotted names for nested lists:
 * `sources.0.url` becomes `{ sources: [{ url }] }`. Files are ignored; repeated plain
 * names keep the last value. List entries whose fields are all blank are dropped, so an
 * empty "add a source" row does not fail validation.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const path = name.split(".");
    let node: Record<string, unknown> = out;
    path.forEach((key, i) => {
      if (i === path.length - 1) {
        node[key] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      node[key] ??= nextIsIndex ? [] : {};
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
