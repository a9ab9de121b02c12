import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { listArticlesForEditor } from "@/db/articles/editor-articles";
import { getSessionUser } from "@/db/session";
import { formatDate } from "@/lib/format";
import { MyWork } from "@/components/editor/my-work";
import { listClaimsAssignedToMe } from "@/db/claims/assign-claim";
import { listReviewsWaitingForMe } from "@/db/reviews/list-reviews";
import { listStatuses } from "@/db/statuses/list-statuses";
import { approveReviewAction, sendBackReviewAction } from "./review-actions";

export const metadata: Metadata = { title: "Editor" };

export default async function EditorHome() {
  const user = await getSessionUser();
  const articles = listArticlesForEditor(user);
  return (
    <>
      {/* One h1 before the sections: what waits for this editor comes first, then every article. */}
      <h1 className="text-2xl font-semibold">Your desk</h1>
      <MyWork assigned={listClaimsAssignedToMe(user)} reviews={listReviewsWaitingForMe(user)} statuses={listStatuses()} approve={approveReviewAction} sendBack={sendBackReviewAction} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-xl font-semibold">Articles</h2>
        <ButtonLink href="/editor/articles/new">New article</ButtonLink>
      </div>
      {articles.length === 0 ? (
        <p>No articles yet. Create the first one.</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-[var(--color-surface)] text-left text-sm">
          <thead className="border-b border-[var(--color-rule)] text-[var(--color-muted)]">
            <tr>
              <th scope="col" className="p-3 font-medium">Title</th>
              <th scope="col" className="p-3 font-medium">State</th>
              <th scope="col" className="hidden p-3 font-medium sm:table-cell">Claims</th>
              <th scope="col" className="hidden p-3 font-medium sm:table-cell">Updated</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id} className="border-b border-[var(--color-rule)] last:border-0">
                <td className="p-3">
                  <Link href={`/editor/articles/${a.id}`} className="font-medium hover:underline">
                    {a.title}
                  </Link>
                </td>
                <td className="p-3">{a.status === "published" ? "Published" : a.pendingReview ? "Waiting for review" : "Draft"}</td>
                <td className="hidden p-3 sm:table-cell">{a.mentionCount}</td>
                <td className="hidden p-3 sm:table-cell">{formatDate(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
