import type { Metadata } from "next";
import { ArticleForm } from "@/components/editor/article-form";
import { createArticleAction } from "../../actions";

export const metadata: Metadata = { title: "New article" };

export default function NewArticlePage() {
  return (
    <div className="max-w-3xl">
      <h1 className="mb-6 text-2xl font-semibold">New article</h1>
      <ArticleForm action={createArticleAction} submitLabel="Create article" />
    </div>
  );
}
