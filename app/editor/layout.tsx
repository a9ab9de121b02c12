import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/db/session";

/** Editor pages need a signed-in editor or admin. (Mutations check again in the data layer.) */
export default async function EditorLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/editor");
  return <div className="flex flex-col gap-6">{children}</div>;
}
