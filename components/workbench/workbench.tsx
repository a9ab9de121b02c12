"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { BodyMention } from "@/components/article-body";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/components/editor/types";
import type { WorkbenchClaimDto, WorkbenchDto } from "@/db/articles/workbench";
import type { RecordedEventDto } from "@/db/events/record-status-event";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { defaultClaimDate } from "@/lib/dates";
import type { Suggestion } from "@/lib/suggest";
import { claimInArticle, groupUnderClaims } from "@/lib/suggestion-groups";
import * as commands from "@/app/editor/articles/[id]/workbench-actions";
import { BodyPane } from "./body-pane";
import { BulkBar } from "./bulk-bar";
import { ClaimEditor, conflictingClaim } from "./claim-editor";
import { ClaimFieldsForm, type ClaimFieldValues, toClaimFields } from "./claim-fields-form";
import { ClaimList } from "./claim-list";
import { ClaimTools, type ClaimTool } from "./claim-tools";
import { type MatchTarget, SimilarClaims } from "./similar-claims";
import { claimFieldsFromSelection, claimFieldsFromSuggestion } from "./inferred-claim";
import { workbenchQueries } from "./queries";
import { SuggestionsPanel } from "./suggestions-panel";
import { useBodySelection } from "./use-body-selection";
import { useCommand } from "./use-command";
import { WorkbenchAssign } from "./workbench-assign";

interface WorkbenchProps {
  initial: WorkbenchDto;
  statuses: StatusDto[];
  /** The claim page's status action, for "Record status" in place. */
  recordStatus: FormAction<RecordedEventDto>;
}

type Notice = { tone: "error" | "info"; text: string; undo?: () => void } | null;
type Draft = { kind: "selection" } | { kind: "suggestion"; suggestion: Suggestion } | null;

let temporaryId = -1;

/** The claim-splitting workbench: the article on one side, its claims and suggestions on the other. */
export function Workbench({ initial, statuses, recordStatus }: WorkbenchProps) {
  const t = useTranslations("workbench.main");
  const articleId = initial.article.id;
  const queryClient = useQueryClient();
  const { data } = useQuery({ ...workbenchQueries.detail(articleId), initialData: initial });
  const bodyRef = useRef<HTMLDivElement>(null);
  const [selection, clearSelection] = useBodySelection(bodyRef);
  const [notice, setNotice] = useState<Notice>(null);
  const [draft, setDraft] = useState<Draft>(null);
  const [editingMentionId, setEditingMentionId] = useState<number | null>(null);
  const [tool, setTool] = useState<ClaimTool | null>(null);
  const [match, setMatch] = useState<{ target: MatchTarget; asked: boolean } | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [suggestionsRequested, setSuggestionsRequested] = useState(false);
  const showError = (text: string) => setNotice({ tone: "error", text });
  // New claims are dated by their article unless the editor says otherwise.
  const dated = (fields: ClaimFieldValues): ClaimFieldValues => ({ ...fields, claimDate: fields.claimDate || (defaultClaimDate(data.article.publishedDate) ?? "") });

  // A save of the article form re-renders the page with a newer article: take it.
  useEffect(() => {
    const current = queryClient.getQueryData<WorkbenchDto>(workbenchQueries.detail(articleId).queryKey);
    if (!current || current.article.version < initial.article.version) queryClient.setQueryData(workbenchQueries.detail(articleId).queryKey, initial);
  }, [initial, articleId, queryClient]);

  const suggestionsQuery = useQuery({ ...workbenchQueries.suggestions(articleId, data.article.version), enabled: suggestionsRequested });
  const suggestionsKey = workbenchQueries.suggestions(articleId, data.article.version).queryKey;
  const dropSuggestion = (s: Suggestion) => queryClient.setQueryData<Suggestion[]>(suggestionsKey, (list) => list?.filter((x) => x.start !== s.start || x.text !== s.text));
  // Grouped again here, against the claims as the editor sees them (optimistic ones too), so an
  // accepted suggestion's look-alikes fold under it at once, as the server will fold them.
  const suggestions = useMemo(
    () => (suggestionsQuery.data ? groupUnderClaims(suggestionsQuery.data, data.claims.map(claimInArticle)) : undefined),
    [suggestionsQuery.data, data.claims],
  );

  // The body re-renders only when what it draws changes (where mentions are, and their status),
  // not when a claim's statement or kind is edited: a long article stays responsive.
  const mentionSignature = data.claims
    .filter((c) => c.anchorState === "anchored")
    .map((c) => `${c.mentionId}:${c.claimId}:${c.start}:${c.end}:${c.currentStatus}`)
    .join("|");
  const mentions: BodyMention[] = useMemo(
    () =>
      mentionSignature
        ? mentionSignature.split("|").map((entry) => {
            const [mentionId, claimId, start, end, statusKey] = entry.split(":");
            return { mentionId: Number(mentionId), claimId: Number(claimId), start: Number(start), end: Number(end), statusKey: statusKey!, statement: "" };
          })
        : [],
    [mentionSignature],
  );

  const addOptimistic = (
    workbench: WorkbenchDto,
    input: { start: unknown; end: unknown; statement: string; kind?: WorkbenchClaimDto["kind"]; quantityValue?: unknown; quantityUnit?: unknown },
  ): WorkbenchDto => {
    const id = temporaryId--;
    const [start, end] = [Number(input.start), Number(input.end)];
    const exact = Array.from(workbench.article.bodyText).slice(start, end).join("").trim();
    const claim: WorkbenchClaimDto = {
      mentionId: id, claimId: id, claimVersion: 1, mentionVersion: 1, statement: input.statement, statementLanguage: null, claimant: null, claimantType: null, claimDate: null, kind: input.kind ?? "fact",
      currentStatus: "unverified", quantityQualifier: null, quantityAsOf: null,
      // The figure too, so suggestions stating it fold under the new claim before the server answers.
      quantityValue: input.quantityValue === "" || input.quantityValue == null || !Number.isFinite(Number(input.quantityValue)) ? null : Number(input.quantityValue),
      quantityUnit: typeof input.quantityUnit === "string" && input.quantityUnit !== "" ? input.quantityUnit : null,
      exact, start, end, anchorState: "anchored",
    };
    return { ...workbench, claims: [...workbench.claims, claim] };
  };

  const createClaim = useCommand(articleId, commands.createClaimFromSpanCommand, {
    optimistic: addOptimistic,
    onError: showError,
    onSuccess: () => setNotice({ tone: "info", text: t("claimAdded") }),
  });
  const updateClaim = useCommand(articleId, commands.updateClaimCommand, {
    optimistic: (w, input) => ({ ...w, claims: w.claims.map((c) => (c.claimId === input.id ? { ...c, statement: input.statement, kind: input.kind ?? c.kind } : c)) }),
    onError: showError,
    onSuccess: () => setEditingMentionId(null),
  });
  const restoreClaim = useCommand(articleId, commands.restoreClaimCommand, { onError: showError });
  const deleteClaim = useCommand(articleId, commands.deleteClaimCommand, {
    optimistic: (w, input) => ({ ...w, claims: w.claims.filter((c) => c.claimId !== input.claimId) }),
    onError: showError,
  });
  const reorder = useCommand(articleId, commands.reorderMentionsCommand, {
    optimistic: (w, input) => ({ ...w, claims: input.mentionIds.map((id) => w.claims.find((c) => c.mentionId === id)!).filter(Boolean) }),
    onError: showError,
  });
  const addMention = useCommand(articleId, commands.addMentionCommand, { onError: showError, onSuccess: () => setNotice({ tone: "info", text: t("mentionAdded") }) });
  const reattach = useCommand(articleId, commands.reattachMentionCommand, { onError: showError, onSuccess: () => setNotice({ tone: "info", text: t("mentionReattached") }) });
  const removeMention = useCommand(articleId, commands.removeMentionCommand, {
    optimistic: (w, input) => ({ ...w, claims: w.claims.filter((c) => c.mentionId !== input.mentionId) }),
    onError: showError,
  });
  const dismiss = useCommand(articleId, commands.dismissSuggestionCommand, { onError: showError });

  const createFromFields = (start: number, end: number, values: ClaimFieldValues, after?: () => void) => {
    const fields = toClaimFields(values);
    createClaim.mutate(
      { articleId, start, end, ...fields },
      {
        onSuccess: (created) => {
          // A claim the desk may already track: offer its look-alikes to link to.
          setMatch({ target: { mentionId: created.mentionId, claimId: created.claimId, statement: fields.statement }, asked: false });
          after?.();
        },
      },
    );
    setDraft(null);
  };

  // Worked out once per selection, not on every render of the workbench while the form is open.
  const { bodyText, language } = data.article;
  const selectionFields = useMemo(
    () => (draft?.kind === "selection" && selection ? claimFieldsFromSelection(bodyText, selection.start, selection.end, language) : null),
    [draft, selection, bodyText, language],
  );

  const acceptSuggestion = (s: Suggestion) => {
    dropSuggestion(s);
    createFromFields(s.start, s.end, dated(claimFieldsFromSuggestion(s)));
  };

  const moveClaim = (claim: WorkbenchClaimDto, direction: -1 | 1) => {
    const ids = data.claims.map((c) => c.mentionId);
    const from = ids.indexOf(claim.mentionId);
    const to = from + direction;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    reorder.mutate({ articleId, mentionIds: ids });
  };

  const highlightClaim = (claim: WorkbenchClaimDto) => {
    // Toggled on the DOM directly, so focusing a claim does not re-render a long body.
    bodyRef.current?.querySelectorAll(".mention-active").forEach((el) => el.classList.remove("mention-active"));
    bodyRef.current?.querySelectorAll(`mark[data-mention-ids~="${claim.mentionId}"]`).forEach((el) => el.classList.add("mention-active"));
  };

  const editorFor = (claim: WorkbenchClaimDto) => (
    <ClaimEditor
      key={claim.mentionId}
      claim={claim}
      pending={updateClaim.isPending}
      save={(version, values, onConflict) =>
        updateClaim.mutate(
          { id: claim.claimId, version, ...toClaimFields(values) },
          {
            onError: (error) => {
              const theirs = conflictingClaim(error);
              if (theirs) onConflict(theirs);
            },
          },
        )
      }
      onCancel={() => setEditingMentionId(null)}
      footer={<WorkbenchAssign claim={claim} editors={data.editors ?? []} articleId={articleId} />}
    />
  );

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex min-w-0 flex-col gap-3">
        <BodyPane doc={data.article.bodyDoc} language={data.article.language} mentions={mentions} statuses={statuses} bodyRef={bodyRef} />
      </div>

      <aside className="flex min-w-0 flex-col gap-5" aria-label={t("asideLabel")}>
        <div aria-live="polite" className="empty:hidden">
          {notice ? (
            <div role={notice.tone === "error" ? "alert" : "status"} className={`flex items-start justify-between gap-3 rounded-md border px-3 py-2 text-sm ${notice.tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-green-300 bg-green-50 text-green-900"}`}>
              <span>{notice.text}</span>
              <span className="flex gap-3">
                {notice.undo ? (
                  <Button variant="quiet" onClick={notice.undo}>
                    {t("undo")}
                  </Button>
                ) : null}
                <Button variant="quiet" onClick={() => setNotice(null)} aria-label={t("dismissMessage")}>
                  ×
                </Button>
              </span>
            </div>
          ) : null}
        </div>

        <section aria-labelledby="selection-heading" className="rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
          <h2 id="selection-heading" className="text-base font-semibold">
            {t("selectionHeading")}
          </h2>
          {selection ? (
            <>
              <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 text-sm" data-testid="selection-quote">
                “{selection.text.trim()}”
              </blockquote>
              {draft?.kind === "selection" ? (
                <div className="mt-3">
                  <ClaimFieldsForm
                    idPrefix="new-claim"
                    initial={dated(selectionFields ?? claimFieldsFromSelection(data.article.bodyText, selection.start, selection.end, data.article.language))}
                    submitLabel={t("saveClaim")}
                    pending={createClaim.isPending}
                    onSubmit={(values) => createFromFields(selection.start, selection.end, values, clearSelection)}
                    onCancel={() => setDraft(null)}
                  />
                </div>
              ) : (
                <div className="mt-3 flex flex-wrap items-end gap-3">
                  <Button onClick={() => setDraft({ kind: "selection" })}>{t("addClaim")}</Button>
                  <AddToClaim claims={data.claims} onAdd={(claimId) => addMention.mutate({ claimId, articleId, start: selection.start, end: selection.end })} />
                </div>
              )}
            </>
          ) : (
            <p className="mt-1 text-sm text-[var(--color-muted)]">{t("selectionHint")}</p>
          )}
        </section>

        <section aria-labelledby="claims-heading">
          <h2 id="claims-heading" className="mb-2 text-lg font-semibold">
            {t("claimsHeading", { count: data.claims.length })}
          </h2>
          {checked.size > 0 ? <BulkBar articleId={articleId} claimIds={[...checked]} statuses={statuses} onDone={() => setChecked(new Set())} onError={showError} /> : null}
          {tool ? (
            <ClaimTools tool={tool} claims={data.claims} articleId={articleId} onClose={() => setTool(null)} onError={showError} />
          ) : null}
          {match ? (
            <SimilarClaims
              key={`${match.target.mentionId}-${match.asked}`}
              target={match.target}
              asked={match.asked}
              articleId={articleId}
              statuses={statuses}
              onClose={() => setMatch(null)}
              onError={showError}
              onLinked={(claim) => {
                setMatch(null);
                setNotice({ tone: "info", text: t("linked", { statement: claim.statement }) });
              }}
            />
          ) : null}
          <ClaimList
            claims={data.claims}
            statuses={statuses}
            checked={checked}
            hasSelection={selection !== null}
            editingMentionId={editingMentionId}
            renderEditor={editorFor}
            articleId={articleId}
            recordStatus={recordStatus}
            onEdit={(claim) => setEditingMentionId(claim.mentionId)}
            onMove={moveClaim}
            onDelete={(claim) => {
              deleteClaim.mutate({ claimId: claim.claimId });
              setNotice({ tone: "info", text: t("deleted", { statement: claim.statement }), undo: () => restoreClaim.mutate({ claimId: claim.claimId }, { onSuccess: () => setNotice(null) }) });
            }}
            onSplit={(claim) => setTool({ kind: "split", claim })}
            onMerge={(claim) => setTool({ kind: "merge", claim })}
            onMatch={(claim) => setMatch({ target: { mentionId: claim.mentionId, claimId: claim.claimId, statement: claim.statement }, asked: true })}
            onReattach={(claim) => selection && reattach.mutate({ mentionId: claim.mentionId, version: claim.mentionVersion, start: selection.start, end: selection.end })}
            onRemoveMention={(claim) => removeMention.mutate({ mentionId: claim.mentionId })}
            onToggleChecked={(claimId) =>
              setChecked((set) => {
                const next = new Set(set);
                if (next.has(claimId)) next.delete(claimId);
                else next.add(claimId);
                return next;
              })
            }
            onFocusClaim={highlightClaim}
          />
          {data.deleted.length > 0 ? (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer">{t("deletedClaims", { count: data.deleted.length })}</summary>
              <ul className="mt-2 flex flex-col gap-1">
                {data.deleted.map((d) => (
                  <li key={d.claimId} className="flex items-center justify-between gap-2">
                    <span>{d.statement}</span>
                    <Button variant="quiet" onClick={() => restoreClaim.mutate({ claimId: d.claimId })}>
                      {t("restore")}
                    </Button>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>

        <section aria-labelledby="suggestions-heading">
          <div className="mb-2 flex items-center justify-between gap-3">
            <h2 id="suggestions-heading" className="text-lg font-semibold">
              {t("suggestionsHeading")}
            </h2>
            <Button variant="secondary" onClick={() => (suggestionsRequested ? suggestionsQuery.refetch() : setSuggestionsRequested(true))}>
              {t("suggestClaims")}
            </Button>
          </div>
          {suggestionsQuery.isFetching ? <p className="text-sm">{t("findingSuggestions")}</p> : null}
          {suggestionsQuery.isError ? <p role="alert" className="text-sm text-red-800 dark:text-red-300">{suggestionsQuery.error.message}</p> : null}
          {draft?.kind === "suggestion" ? (
            <div className="mb-3 rounded-lg border border-[var(--color-rule)] bg-[var(--color-surface)] p-4">
              <ClaimFieldsForm
                idPrefix="suggested-claim"
                quote={draft.suggestion.text}
                initial={dated(claimFieldsFromSuggestion(draft.suggestion))}
                submitLabel={t("saveClaim")}
                pending={createClaim.isPending}
                onSubmit={(values) => {
                  dropSuggestion(draft.suggestion);
                  createFromFields(draft.suggestion.start, draft.suggestion.end, values);
                }}
                onCancel={() => setDraft(null)}
              />
            </div>
          ) : null}
          {suggestions ? (
            <SuggestionsPanel
              suggestions={suggestions}
              onAccept={acceptSuggestion}
              onEdit={(suggestion) => setDraft({ kind: "suggestion", suggestion })}
              onDismiss={(suggestion) => {
                dropSuggestion(suggestion);
                dismiss.mutate({ articleId, sentence: suggestion.text });
              }}
            />
          ) : null}
        </section>
      </aside>
    </div>
  );
}

/** Adds the selection as a further mention of an existing claim: one of this article's, or any claim by its number. */
function AddToClaim({ claims, onAdd }: { claims: WorkbenchClaimDto[]; onAdd: (claimId: number) => void }) {
  const t = useTranslations("workbench.addToClaim");
  const [target, setTarget] = useState("");
  const unique = [...new Map(claims.filter((c) => c.claimId > 0).map((c) => [c.claimId, c])).values()];
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const id = Number(target);
        if (Number.isInteger(id) && id > 0) onAdd(id);
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span>{t("label")}</span>
        <input list="workbench-claims" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={t("placeholder")} inputMode="numeric" className="w-36 rounded-md border border-stone-300 px-2 py-1.5" />
      </label>
      <datalist id="workbench-claims">
        {unique.map((c) => (
          <option key={c.claimId} value={c.claimId}>
            {c.statement}
          </option>
        ))}
      </datalist>
      <Button type="submit" variant="secondary" disabled={!target}>
        {t("submit")}
      </Button>
    </form>
  );
}
