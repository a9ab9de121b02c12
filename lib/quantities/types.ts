/** Exact ("="), at least (">="), at most ("<="), approximately ("~"); the same values a claim's quantity qualifier takes. */
export type Qualifier = "=" | ">=" | "<=" | "~";

export interface Quantity {
  /** The matched span as written, qualifier words included: "约为270亿美元", "more than 175 billion parameters". */
  text: string;
  /** Code point offsets of the span in the text that was searched. */
  start: number;
  end: number;
  /** Normalised value: 27e9 for "270亿美元"; percentages stay in percent (2 for "2%"). */
  value: number;
  /** "USD", "CNY", "percent", "times", "ratio", a counted noun in lower-case plural ("parameters", "hours"), or "". */
  unit: string;
  qualifier: Qualifier;
}
