"use server";

import { z } from "zod";
import { editorAction } from "@/app/_lib/editor-action";
import { createApiToken, newApiTokenInput, revokeApiToken } from "@/db/tokens/api-tokens";
import { idParam } from "@/lib/validation";

export const createApiTokenAction = editorAction({
  schema: newApiTokenInput,
  run: createApiToken,
  successMessage: "tokenCreated",
  revalidate: () => ["/editor/tokens"],
});

export const revokeApiTokenAction = editorAction({
  schema: z.object({ id: idParam }),
  run: async (actor, input) => revokeApiToken(actor, input.id),
  successMessage: "tokenRevoked",
  revalidate: () => ["/editor/tokens"],
});
