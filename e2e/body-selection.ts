import type { Page } from "@playwright/test";

/** Selects the given words in the article body as a mouse drag would (a DOM Range over them). */
export async function selectWords(page: Page, words: string) {
  await page.evaluate((words) => {
    const root = document.querySelector('[data-testid="article-body"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let text = "";
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      nodes.push([node, text.length]);
      text += node.data;
    }
    const index = text.indexOf(words);
    if (index < 0) throw new Error(`"${words}" is not in the article body`);
    const locate = (position: number): [Text, number] => {
      for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i]![1] <= position) return [nodes[i]![0], position - nodes[i]![1]];
      throw new Error("position before the body");
    };
    const range = document.createRange();
    range.setStart(...locate(index));
    range.setEnd(...locate(index + words.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, words);
}

/** Puts the caret just before the given words, then extends the selection over them with Shift+→, as a keyboard user would. */
export async function selectWordsWithKeyboard(page: Page, words: string) {
  await page.getByRole("textbox", { name: /Article text/ }).focus();
  await page.evaluate((words) => {
    const root = document.querySelector('[data-testid="article-body"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const index = node.data.indexOf(words.slice(0, 4));
      if (index >= 0) {
        window.getSelection()!.collapse(node, index);
        return;
      }
    }
    throw new Error(`"${words}" is not in the article body`);
  }, words);
  for (let i = 0; i < Array.from(words).length; i++) await page.keyboard.press("Shift+ArrowRight");
}

/** The text highlighted for each claim in the body, keyed by mention id. */
export async function highlightedQuotes(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const quotes: Record<string, string> = {};
    for (const mark of document.querySelectorAll<HTMLElement>('[data-testid="article-body"] mark[data-mention-ids]')) {
      for (const id of mark.dataset.mentionIds!.split(" ")) quotes[id] = (quotes[id] ?? "") + mark.textContent;
    }
    return quotes;
  });
}
