import { queryOptions } from "@tanstack/react-query";
import type { WorkbenchDto } from "@/db/articles/workbench";
import type { SimilarClaimDto } from "@/db/claims/similar-claims";
import type { Suggestion } from "@/lib/suggest";

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(body?.message ?? `Loading failed (${response.status}).`);
  return body as T;
}

/** One factory per entity, so every key and fetcher for the workbench lives in one place. */
export const workbenchQueries = {
  all: ["workbench"] as const,
  detail: (articleId: number) =>
    queryOptions({
      queryKey: [...workbenchQueries.all, articleId],
      queryFn: () => getJson<WorkbenchDto>(`/api/v1/articles/${articleId}/workbench`),
    }),
  suggestions: (articleId: number, bodyVersion: number) =>
    queryOptions({
      queryKey: [...workbenchQueries.all, articleId, "suggestions", bodyVersion],
      queryFn: () => getJson<Suggestion[]>(`/api/v1/articles/${articleId}/suggestions`),
      staleTime: Infinity,
    }),
  /** Existing claims that look like `text`, best first; the claim being matched is left out. */
  similar: (text: string, excludeClaimId: number) =>
    queryOptions({
      queryKey: [...workbenchQueries.all, "similar", text, excludeClaimId],
      queryFn: () => getJson<SimilarClaimDto[]>(`/api/v1/claims/similar?${new URLSearchParams({ text, excludeClaimId: String(excludeClaimId) })}`),
      enabled: text.trim().length > 0,
      staleTime: 30_000,
    }),
};
