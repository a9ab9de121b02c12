/** The package ships no types; these are the two functions e2e/anchoring-client.ts uses. */
declare module "dom-anchor-text-position" {
  /** A Range over the text between the two offsets (UTF-16 code units of root's textContent). */
  export function toRange(root: Node, selector: { start: number; end?: number }): Range;
  /** The offsets of a Range within root's textContent, in UTF-16 code units. */
  export function fromRange(root: Node, range: Range): { start: number; end: number };
}
