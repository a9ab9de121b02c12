"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { updateOwnProfile } from "@/db/users/update-own-profile";
import { ownProfileInput } from "@/lib/user-input";

export const updateOwnProfileAction = editorAction({
  schema: ownProfileInput,
  run: updateOwnProfile,
  successMessage: "nameSaved",
  revalidate: () => ["/editor/account"],
});
