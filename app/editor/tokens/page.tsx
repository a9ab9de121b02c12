import type { Metadata } from "next";
import { CreateTokenForm, RevokeTokenForm } from "@/components/editor/api-token-forms";
import { getSessionUser } from "@/db/session";
import { listApiTokens } from "@/db/tokens/api-tokens";
import { formatDate } from "@/lib/format";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const tokens = listApiTokens(await getSessionUser());
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="text-sm text-[var(--color-muted)]">
        Integrations write through the JSON API with <code>Authorization: Bearer &lt;token&gt;</code>, acting as you. Only a hash of each token is stored.
      </p>
      <CreateTokenForm action={createApiTokenAction} />
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-lg font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-sm">No tokens yet.</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-[var(--color-rule)] bg-[var(--color-surface)] p-3">
                <span>
                  <span className="font-medium">{token.name}</span> · <code>{token.prefix}…</code> · created {formatDate(token.createdAt.slice(0, 10))}
                  {token.revokedAt ? ` · revoked ${formatDate(token.revokedAt.slice(0, 10))}` : ""}
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
