import { splitIntoRuns } from "@/lib/highlight";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusIcon } from "./status-icon";

export interface BodyMention {
  mentionId: number;
  claimId: number;
  start: number;
  end: number;
  statusKey: string;
  statement: string;
}

interface ArticleBodyProps {
  text: string;
  language: string;
  mentions: BodyMention[];
  status: (key: string) => StatusDto;
  /** Where a highlighted mention links to; readers go to the claim's section below. */
  hrefFor: (mention: BodyMention) => string;
}

/**
 * The article text with each mention highlighted in its claim's status colour and an
 * underline. Rendered as one pre-wrapped block whose textContent is exactly the rendered
 * text, so mention offsets in the DOM equal the stored offsets.
 */
export function ArticleBody({ text, language, mentions, status, hrefFor }: ArticleBodyProps) {
  const byId = new Map(mentions.map((m) => [m.mentionId, m]));
  const runs = splitIntoRuns(
    text,
    mentions.map((m) => ({ id: m.mentionId, start: m.start, end: m.end })),
  );
  return (
    <div lang={language} className="whitespace-pre-wrap font-serif text-lg leading-[1.9]" data-testid="article-body">
      {runs.map((run) => {
        if (run.ids.length === 0) return <span key={run.start}>{run.text}</span>;
        // The innermost mention decides colour and link; nesting depth is drawn by the underline.
        const mention = byId.get(run.ids[run.ids.length - 1]!)!;
        const s = status(mention.statusKey);
        return (
          <a
            key={run.start}
            href={hrefFor(mention)}
            className="mention"
            data-depth={Math.min(run.ids.length, 2)}
            data-claim-id={mention.claimId}
            style={{ ["--status-color" as string]: s.color }}
            title={`${s.labelEn} · ${mention.statement}`}
          >
            {run.text}
            {run.end === mention.end ? <StatusIcon icon={s.icon} className="ml-0.5 inline h-3.5 w-3.5 align-baseline" /> : null}
          </a>
        );
      })}
    </div>
  );
}
