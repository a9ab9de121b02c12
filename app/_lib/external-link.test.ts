import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExternalLink } from "@/components/external-link";

// The component every outside link on a reader page goes through (sources, archived copies, an
// article's original): tested here because vitest runs app/, not components/.
describe("ExternalLink", () => {
  it("writes the href percent-encoded, so a quote, bracket, space or Chinese character cannot break the attribute", () => {
    const html = renderToStaticMarkup(createElement(ExternalLink, { url: 'https://news.example/报道?q="a b"&x=<c>', className: "underline" }, "Original"));
    expect(html).toBe('<a href="https://news.example/%E6%8A%A5%E9%81%93?q=%22a%20b%22&amp;x=%3Cc%3E" rel="noopener noreferrer nofollow" class="underline">Original</a>');
  });

  it("shows the text alone for a URL that is not http(s)", () => {
    expect(renderToStaticMarkup(createElement(ExternalLink, { url: "javascript:alert(1)" }, "Source"))).toBe("Source");
    expect(renderToStaticMarkup(createElement(ExternalLink, { url: null }, "Source"))).toBe("Source");
  });
});
