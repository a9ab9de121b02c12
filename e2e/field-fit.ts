import type { Locator } from "@playwright/test";

/**
 * The form fields inside `root` whose value does not fit: a text box whose text scrolls
 * (scrollWidth > clientWidth), a select whose chosen option, or a date or month box whose
 * longest date, is wider than the box less its padding and its arrow or picker icon, or a text
 * area whose text needs more rows than it has. Empty when every value is shown uncut.
 */
export async function cutFields(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const context = document.createElement("canvas").getContext("2d")!;
    const problems: string[] = [];
    const fields = element.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea",
    );
    for (const field of fields) {
      if (!field.checkVisibility()) continue;
      const name = field.labels?.[0]?.textContent?.trim() || field.getAttribute("aria-label") || field.name;
      const style = getComputedStyle(field);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (field instanceof HTMLTextAreaElement) {
        if (field.scrollHeight > field.clientHeight + 1) problems.push(`${name}: its text needs ${field.scrollHeight}px of height, it has ${field.clientHeight}px`);
        continue;
      }
      if (field instanceof HTMLInputElement && field.scrollWidth > field.clientWidth) problems.push(`${name}: “${field.value}” scrolls (${field.scrollWidth} > ${field.clientWidth}px)`);
      // What the box must show, and the room its arrow or picker icon takes.
      const [text, icon] =
        field instanceof HTMLSelectElement
          ? [field.selectedOptions[0]?.text ?? "", 20]
          : field.type === "date"
            ? ["00/00/0000", 24]
            : field.type === "month"
              ? ["September 0000", 24]
              : [field.value || field.placeholder, 0];
      const needed = context.measureText(text).width + icon;
      if (needed > room + 0.5) problems.push(`${name}: “${text}” needs ${Math.ceil(needed)}px, has ${room}px`);
    }
    return problems;
  });
}
