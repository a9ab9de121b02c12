import { type CSSProperties, Fragment, type ReactNode } from "react";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { type ArticleDoc, type Block, BLOCK_SEPARATOR } from "@/lib/article-doc/types";
import { type RenderBlock, type RenderRun, renderRuns } from "@/lib/article-doc/render-runs";
import { ARTICLE_BODY_ELEMENT_ID } from "@/lib/article-doc/text";
import { blockLanguage } from "@/lib/article-doc/text-language";

export interface BodyMention {
  mentionId: number;
  claimId: number;
  start: number;
  end: number;
  statusKey: string;
  statement: string;
}

interface ArticleBodyProps {
  doc: ArticleDoc;
  /** BCP 47; omitted when unknown (an editor's note), so the page's language applies. */
  language?: string;
  mentions: BodyMention[];
  status: (key: string) => StatusDto;
  /** Drawn right after a mention's last character: an icon link for readers. Must hold no text. */
  renderMarker?: (mention: BodyMention) => ReactNode;
  /** "note" renders smaller, for rationales written in Markdown. */
  variant?: "article" | "note";
  /** Extra classes on the outer element (spacing, a struck-through corrected note). */
  className?: string;
}

/**
 * The article rendered from its document model, with each mention highlighted in its
 * claim's status colour plus an underline. Every text block carries `data-start`, its
 * offset in the rendered text, and contains exactly its own text (markers are icons), so
 * a DOM selection converts to the same code point offsets the server stores.
 *
 * The element's whole DOM text (textContent) is exactly the article's rendered text, block
 * separators included: they are drawn as "\n\n" text between the block elements, where
 * white-space collapsing hides them. So the Web Annotations we export, which select this
 * element by its id and then count code points within it, anchor in any client
 * (lib/reports/report-annotations.ts). Nothing else may add text here: markers are icons
 * named by aria-label, and the claim popovers live outside.
 */
export function ArticleBody({ doc, language, mentions, status, renderMarker, variant = "article", className }: ArticleBodyProps) {
  const byId = new Map(mentions.map((m) => [m.mentionId, m]));
  const blocks = renderRuns(
    doc,
    mentions.map((m) => ({ id: m.mentionId, start: m.start, end: m.end })),
  );
  const runContent = (run: RenderRun) => {
    let content: ReactNode = run.text;
    if (run.marks.code) content = <code>{content}</code>;
    if (run.marks.italic) content = <em>{content}</em>;
    if (run.marks.bold) content = <strong>{content}</strong>;
    if (run.marks.href) content = <a href={run.marks.href} rel="noopener noreferrer nofollow ugc" className="underline">{content}</a>;
    // A note (a rationale) is never selected for a claim, so its plain runs need no element of
    // their own; the page draws hundreds of them.
    if (run.mentionIds.length === 0) return variant === "note" ? <Fragment key={run.start}>{content}</Fragment> : <span key={run.start}>{content}</span>;
    // The innermost mention decides the colour; a double underline shows nesting.
    const innermost = byId.get(run.mentionIds[run.mentionIds.length - 1]!)!;
    const style = { "--status-color": status(innermost.statusKey).color } as CSSProperties;
    const ending = renderMarker ? run.mentionIds.map((id) => byId.get(id)!).filter((m) => m.end === run.end) : [];
    return (
      <span key={run.start}>
        <mark className="mention" style={style} data-depth={Math.min(run.mentionIds.length, 2)} data-mention-ids={run.mentionIds.join(" ")} data-claim-id={innermost.claimId}>
          {content}
        </mark>
        {ending.map((m) => (
          <span key={m.mentionId}>{renderMarker!(m)}</span>
        ))}
      </span>
    );
  };
  const separated = separatedBlocks(blocks);
  const separator = (item: RenderBlock) => (separated.has(item.index) ? BLOCK_SEPARATOR : null);
  return (
    <div
      id={variant === "article" ? ARTICLE_BODY_ELEMENT_ID : undefined}
      lang={language}
      className={[variant === "article" ? "article-body font-serif text-lg leading-[1.9]" : "note-body", className].filter(Boolean).join(" ")}
      data-testid={variant === "article" ? "article-body" : undefined}
    >
      {groupLists(blocks).map((group) =>
        Array.isArray(group) ? (
          <Fragment key={group[0]!.index}>
            {separator(group[0]!)}
            {renderList(group, runContent, separator, language)}
          </Fragment>
        ) : (
          <Fragment key={group.index}>
            {separator(group)}
            <BlockView item={group} runContent={runContent} language={language} />
          </Fragment>
        ),
      )}
    </div>
  );
}

/**
 * The blocks preceded by a separator in the rendered text: those with text after an earlier
 * one with text, exactly as docText joins them (lib/article-doc/text.ts).
 */
function separatedBlocks(blocks: RenderBlock[]): Set<number> {
  const separated = new Set<number>();
  let seenText = false;
  for (const item of blocks) {
    if (item.end === item.start) continue;
    if (seenText) separated.add(item.index);
    seenText = true;
  }
  return separated;
}

type ListGroup = RenderBlock[];

/** Consecutive list items of the same kind become one <ul> or <ol>. */
function groupLists(blocks: RenderBlock[]): (RenderBlock | ListGroup)[] {
  const out: (RenderBlock | ListGroup)[] = [];
  for (const item of blocks) {
    const last = out[out.length - 1];
    if (item.block.type === "list-item") {
      const ordered = item.block.ordered;
      if (Array.isArray(last) && last[0]!.block.type === "list-item" && last[0]!.block.ordered === ordered) last.push(item);
      else out.push([item]);
    } else out.push(item);
  }
  return out;
}

/** A list; the separator before its first item is drawn before the list, the others between the items (whitespace a list may hold). */
function renderList(items: ListGroup, runContent: (run: RenderRun) => ReactNode, separator: (item: RenderBlock) => string | null, language: string | undefined) {
  const ordered = items[0]!.block.type === "list-item" && items[0]!.block.ordered;
  const List = ordered ? "ol" : "ul";
  return (
    <List className={`my-4 pl-6 ${ordered ? "list-decimal" : "list-disc"}`}>
      {items.map((item, i) => (
        <Fragment key={item.index}>
          {i > 0 ? separator(item) : null}
          <li data-start={item.start} lang={ownLanguage(item, language)} className="whitespace-pre-wrap">
            {item.runs.map(runContent)}
          </li>
        </Fragment>
      ))}
    </List>
  );
}

const HEADING_TAGS = ["h2", "h2", "h3", "h4", "h5", "h6"] as const;

/** A block's own language when it differs from the article's (an English paragraph in a Chinese article). */
function ownLanguage(item: RenderBlock, language: string | undefined): string | undefined {
  return blockLanguage(item.runs.map((run) => run.text).join(""), language);
}

function BlockView({ item, runContent, language }: { item: RenderBlock; runContent: (run: RenderRun) => ReactNode; language: string | undefined }) {
  const block: Block = item.block;
  const children = item.runs.map(runContent);
  const lang = ownLanguage(item, language);
  switch (block.type) {
    case "image":
      return (
        <figure className="my-6">
          {/* eslint-disable-next-line @next/next/no-img-element -- external article images; no optimiser fetches them */}
          <img src={block.src} alt={block.alt} loading="lazy" referrerPolicy="no-referrer" className="max-w-full rounded" />
        </figure>
      );
    case "heading": {
      // The page title is the h1; article headings start at h2.
      const Tag = HEADING_TAGS[block.level - 1] ?? "h6";
      return (
        <Tag data-start={item.start} lang={lang} className="mb-3 mt-8 font-sans text-xl font-semibold leading-snug">
          {children}
        </Tag>
      );
    }
    case "quote":
      return (
        <blockquote data-start={item.start} lang={lang} className="my-5 whitespace-pre-wrap border-l-4 border-stone-300 pl-4 text-[var(--color-muted)]">
          {children}
        </blockquote>
      );
    default:
      return (
        <p data-start={item.start} lang={lang} className="my-5 whitespace-pre-wrap">
          {children}
        </p>
      );
  }
}
