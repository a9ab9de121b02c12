import { ArticleBody } from "./article-body";
import { noteDocFromMarkdown } from "@/lib/article-doc/note-doc";
import type { StatusDto } from "@/db/statuses/list-statuses";

const noStatus = (key: string): StatusDto => ({ key, labelEn: key, labelZh: key, color: "#4b5563", icon: "question", resolved: false, ratingValue: null, retired: false });

/** Markdown written by editors (rationales), parsed and sanitized into blocks and rendered by React. */
export function RichText({ markdown, language, className }: { markdown: string; language?: string; className?: string }) {
  return <ArticleBody doc={noteDocFromMarkdown(markdown)} language={language} mentions={[]} status={noStatus} variant="note" className={className} />;
}
