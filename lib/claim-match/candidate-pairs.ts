/**
 * Finds the pairs of claims most likely to be the same, among many, without comparing every
 * claim with every other (10,000 claims would be 50 million comparisons).
 *
 * One pass: an inverted index from each feature (features.ts) to the claims that have it.
 * Each claim then looks up only its PROBE_FEATURES rarest features shared with another
 * claim, reading at most MAX_POSTINGS claims per feature: rare features (a name, a figure,
 * an unusual phrase) are what duplicates share, while common ones ("OpenAI" on a desk about
 * OpenAI) would pair everything with everything. The CANDIDATES_PER_CLAIM claims met most
 * often are scored with the full similarity.
 *
 * Work is O(F + N·P·M + N·C·T²·f), linear in N: F feature occurrences in all, N claims,
 * P probes, M postings, C candidates, T texts per claim, f features per text. Features are
 * numbered rarest first, so an item's sorted ids are its features from rarest to commonest,
 * and a comparison is a merge of two short sorted arrays. It is a heuristic: a pair sharing
 * only very common features can be missed.
 */
import { scoreFromOverlap, type TextFeatures } from "./similarity";

export const PROBE_FEATURES = 8;
export const MAX_POSTINGS = 64;
export const CANDIDATES_PER_CLAIM = 12;

/** A claim as compared: its statement and quoted words. */
export interface MatchItem {
  id: number;
  texts: readonly TextFeatures[];
}

export interface ScoredPair {
  /** The lower claim id first. */
  firstId: number;
  secondId: number;
  score: number;
}

/** A text's features as ids in increasing order, with their weights. */
interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  total: number;
}

/** featureSimilarity over vectors: the same score. */
function vectorSimilarity(a: Vector, b: Vector): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    if (a.ids[i]! < b.ids[j]!) i++;
    else if (a.ids[i]! > b.ids[j]!) j++;
    else shared += Math.min(a.weights[i++]!, b.weights[j++]!);
  }
  return scoreFromOverlap(shared, a.total, b.total);
}

/** The best similarity between any text of one claim and any text of the other. */
function bestSimilarity(a: readonly Vector[], b: readonly Vector[]): number {
  let best = 0;
  for (const x of a) for (const y of b) best = Math.max(best, vectorSimilarity(x, y));
  return best;
}

/**
 * Every text as a vector whose feature ids are ranked by rarity (the number of items with the
 * feature, fewest first), and that number per id. Typed arrays and a counting sort: there
 * are hundreds of thousands of distinct features at 10,000 claims.
 */
function rankedVectors(items: readonly MatchItem[]): { vectors: Vector[][]; itemCount: Int32Array } {
  const firstSeen = new Map<string, number>();
  const count: number[] = [];
  const lastItem: number[] = [];
  const provisional = items.map((item, index) =>
    item.texts.map((text) => {
      const ids = new Int32Array(text.features.size);
      const weights = new Float64Array(text.features.size);
      let k = 0;
      for (const [key, weight] of text.features) {
        let id = firstSeen.get(key);
        if (id === undefined) {
          firstSeen.set(key, (id = count.length));
          count.push(0);
          lastItem.push(-1);
        }
        if (lastItem[id] !== index) {
          lastItem[id] = index;
          count[id]!++;
        }
        ids[k] = id;
        weights[k++] = weight;
      }
      return { ids, weights, total: text.total };
    }),
  );
  // Counting sort: the rank of a feature is its position when ordered by count.
  const startOf = new Int32Array(items.length + 2);
  for (const c of count) startOf[c + 1]!++;
  for (let c = 1; c < startOf.length; c++) startOf[c]! += startOf[c - 1]!;
  const rank = Int32Array.from(count, (c) => startOf[c]!++);
  const itemCount = new Int32Array(count.length);
  count.forEach((c, id) => (itemCount[rank[id]!] = c));
  // Scratch space: the weight of each ranked id in the text at hand.
  const weightOf = new Float64Array(count.length);
  const vectors = provisional.map((texts) =>
    texts.map(({ ids, weights, total }) => {
      ids.forEach((id, k) => {
        ids[k] = rank[id]!;
        weightOf[ids[k]!] = weights[k]!;
      });
      ids.sort();
      ids.forEach((id, k) => (weights[k] = weightOf[id]!));
      return { ids, weights, total };
    }),
  );
  return { vectors, itemCount };
}

/** An item's feature ids, each once, in increasing order: rarest first. */
function unionOfIds(vectors: readonly Vector[]): Int32Array {
  const all = new Int32Array(vectors.reduce((n, v) => n + v.ids.length, 0));
  let k = 0;
  for (const v of vectors) all.set(v.ids, (k += v.ids.length) - v.ids.length);
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
  return all.subarray(0, unique);
}

/** Feature id → the items that have it (the first MAX_POSTINGS of them), as one flat array with offsets. */
function postingLists(idsOf: readonly Int32Array[], itemCount: Int32Array): (id: number) => Int32Array {
  const offset = new Int32Array(itemCount.length + 1);
  itemCount.forEach((c, id) => (offset[id + 1] = offset[id]! + Math.min(c, MAX_POSTINGS)));
  const items = new Int32Array(offset[itemCount.length]!);
  const filled = new Int32Array(itemCount.length);
  idsOf.forEach((ids, item) => {
    for (const id of ids) if (filled[id]! < MAX_POSTINGS) items[offset[id]! + filled[id]!++] = item;
  });
  return (id) => items.subarray(offset[id]!, offset[id + 1]!);
}

/**
 * The CANDIDATES_PER_CLAIM items met most often, most first. An item is met at most
 * PROBE_FEATURES times, so a few passes over the (short) list beat sorting it.
 */
function mostMet(touched: Int32Array, met: Int32Array): number[] {
  const chosen: number[] = [];
  for (let count = PROBE_FEATURES; count > 0 && chosen.length < CANDIDATES_PER_CLAIM; count--) {
    for (const other of touched) {
      if (met[other] !== count) continue;
      chosen.push(other);
      if (chosen.length === CANDIDATES_PER_CLAIM) break;
    }
  }
  return chosen;
}

const ranked = (x: ScoredPair, y: ScoredPair) => y.score - x.score || x.firstId - y.firstId || x.secondId - y.secondId;

/** Inserts `pair` into `best` (sorted, at most `limit` long) if it ranks there: no sort of every pair found. */
function keepBest(best: ScoredPair[], pair: ScoredPair, limit: number): void {
  if (best.length === limit && ranked(pair, best.at(-1)!) >= 0) return;
  let low = 0;
  let high = best.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranked(best[mid]!, pair) <= 0) low = mid + 1;
    else high = mid;
  }
  best.splice(low, 0, pair);
  if (best.length > limit) best.pop();
}

/** Pairs scoring at least `minScore`, best first (ties by claim ids), at most `limit`. */
export function likelyDuplicatePairs(items: readonly MatchItem[], options: { minScore: number; limit: number }): ScoredPair[] {
  const { vectors, itemCount } = rankedVectors(items);
  const idsOf = vectors.map(unionOfIds);
  const postings = postingLists(idsOf, itemCount);
  // Reused for every item: how often each other item was met, and which were.
  const met = new Int32Array(items.length);
  const touchedBuffer = new Int32Array(PROBE_FEATURES * MAX_POSTINGS);
  const seen = new Set<number>();
  const best: ScoredPair[] = [];
  items.forEach((item, i) => {
    let touchedCount = 0;
    let probed = 0;
    for (const id of idsOf[i]!) {
      if (itemCount[id]! < 2) continue;
      for (const other of postings(id)) {
        if (other === i) continue;
        if (met[other] === 0) touchedBuffer[touchedCount++] = other;
        met[other]!++;
      }
      if (++probed === PROBE_FEATURES) break;
    }
    const touched = touchedBuffer.subarray(0, touchedCount);
    const candidates = mostMet(touched, met);
    for (const other of touched) met[other] = 0;
    for (const j of candidates) {
      const pairKey = Math.min(i, j) * items.length + Math.max(i, j);
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      const score = bestSimilarity(vectors[i]!, vectors[j]!);
      if (score < options.minScore) continue;
      const [a, b] = item.id < items[j]!.id ? [item.id, items[j]!.id] : [items[j]!.id, item.id];
      keepBest(best, { firstId: a, secondId: b, score }, options.limit);
    }
  });
  return best;
}
