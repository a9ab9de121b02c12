import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateTokenForm, RevokeTokenForm } from "@/components/editor/api-token-forms";
import { getSessionUser } from "@/db/session";
import { listApiTokens } from "@/db/tokens/api-tokens";
import { localDate } from "@/components/editor/local-dates";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor.titles"))("tokens") };
}

export default async function TokensPage() {
  const tokens = await listApiTokens(await getSessionUser());
  const [t, locale] = await Promise.all([getTranslations("editor.tokens"), getLocale()]);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="text-sm text-[var(--color-muted)]">
        {t.rich("intro", { code: (words) => <code>{words}</code> })}
      </p>
      <CreateTokenForm action={createApiTokenAction} />
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-lg font-semibold">
          {t("yours")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-sm">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3">
                <span>
                  <span className="font-medium">{token.name}</span> · <code>{token.prefix}…</code> · {t("created", { date: localDate(token.createdAt.slice(0, 10), locale) })}
                  {token.revokedAt ? t("revoked", { date: localDate(token.revokedAt.slice(0, 10), locale) }) : ""}
                </span>
                {token.revokedAt ? null : <RevokeTokenForm action={revokeApiTokenAction} token={token} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
