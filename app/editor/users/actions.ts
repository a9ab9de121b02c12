"use server";

import { editorAction } from "@/app/_lib/editor-action";
import { changeUserRole } from "@/db/users/change-user-role";
import { createUser } from "@/db/users/create-user";
import { deactivateUser, reactivateUser } from "@/db/users/deactivate-user";
import { setUserPassword } from "@/db/users/set-user-password";
import { managedUserInput, userIdInput, userPasswordInput, userRoleInput } from "@/lib/user-input";

const revalidate = () => ["/editor/users"];

export const createUserAction = editorAction({
  schema: managedUserInput,
  run: createUser,
  successMessage: "userAdded",
  revalidate,
});

export const changeUserRoleAction = editorAction({
  schema: userRoleInput,
  run: changeUserRole,
  successMessage: "roleSaved",
  revalidate,
});

export const deactivateUserAction = editorAction({
  schema: userIdInput,
  run: deactivateUser,
  successMessage: "deactivated",
  revalidate,
});

export const reactivateUserAction = editorAction({
  schema: userIdInput,
  run: reactivateUser,
  successMessage: "reactivated",
  revalidate,
});

export const setUserPasswordAction = editorAction({
  schema: userPasswordInput,
  run: setUserPassword,
  successMessage: "passwordSet",
  revalidate,
});
