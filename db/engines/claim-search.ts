import "server-only";
import { ON_POSTGRES } from "../sql-dialect";
import type { ClaimSearch } from "./claim-search-types";
import { postgresClaimSearch } from "./postgres/claim-search";
import { sqliteClaimSearch } from "./sqlite/claim-search";

export type { ClaimSearch } from "./claim-search-types";

/** The claim search of this process's engine (see ClaimSearch). */
export const claimSearch: ClaimSearch = ON_POSTGRES ? postgresClaimSearch : sqliteClaimSearch;
