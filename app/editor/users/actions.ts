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
  successMessage: "User added. Give them their email and password; they can sign in now.",
  revalidate,
});

export const changeUserRoleAction = editorAction({
  schema: userRoleInput,
  run: changeUserRole,
  successMessage: "Role saved. It applies on their next request.",
  revalidate,
});

export const deactivateUserAction = editorAction({
  schema: userIdInput,
  run: deactivateUser,
  successMessage: "Deactivated and signed out everywhere.",
  revalidate,
});

export const reactivateUserAction = editorAction({
  schema: userIdInput,
  run: reactivateUser,
  successMessage: "Reactivated. They can sign in again.",
  revalidate,
});

export const setUserPasswordAction = editorAction({
  schema: userPasswordInput,
  run: setUserPassword,
  successMessage: "Password set. Tell them yourself: it is not sent anywhere.",
  revalidate,
});
