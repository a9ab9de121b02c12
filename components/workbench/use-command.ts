"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/app/_lib/errors";
import type { WorkbenchDto } from "@/db/articles/workbench";
import { workbenchQueries } from "./queries";

export class CommandError extends Error {
  constructor(readonly result: Extract<ActionResult, { ok: false }>) {
    super(result.fields ? `${result.error} ${Object.values(result.fields).join(" ")}` : result.error);
  }
}

interface CommandOptions<I> {
  /** Applied to the cached workbench at once; rolled back if the server refuses. */
  optimistic?: (data: WorkbenchDto, input: I) => WorkbenchDto;
  onError: (message: string) => void;
  onSuccess?: () => void;
}

/**
 * A workbench mutation: calls a server action, updates the cache optimistically, rolls back
 * and reports on failure, and refetches the workbench once settled so the view is the server's.
 */
export function useCommand<I, T>(articleId: number, command: (input: I) => Promise<ActionResult<T>>, options: CommandOptions<I>) {
  const t = useTranslations("workbench.command");
  const queryClient = useQueryClient();
  const { queryKey } = workbenchQueries.detail(articleId);
  return useMutation({
    mutationFn: async (input: I) => {
      const result = await command(input);
      if (!result.ok) throw new CommandError(result);
      return result.data;
    },
    onMutate: async (input: I) => {
      if (!options.optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<WorkbenchDto>(queryKey);
      if (previous) queryClient.setQueryData(queryKey, options.optimistic(previous, input));
      return { previous };
    },
    onError: (error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(queryKey, context.previous);
      options.onError(error instanceof Error ? error.message : t("failed"));
    },
    onSuccess: () => options.onSuccess?.(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workbenchQueries.all }),
  });
}
