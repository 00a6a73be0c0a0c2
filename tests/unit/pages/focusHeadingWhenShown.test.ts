import { afterEach, describe, expect, it } from "vitest";
import { focusHeadingWhenShown } from "../../../src/pages/focusHeadingWhenShown";

function page(): HTMLElement {
  const main = document.createElement("main");
  document.body.append(main);
  return main;
}

function heading(text: string): HTMLHeadingElement {
  const h1 = document.createElement("h1");
  h1.tabIndex = -1;
  h1.textContent = text;
  return h1;
}

/** Lets the MutationObserver's callback run. */
const observed = () => new Promise((resolve) => setTimeout(resolve));

describe("focusHeadingWhenShown", () => {
  afterEach(() => {
    document.body.textContent = "";
  });

  it("focuses the heading that is there", () => {
    const main = page();
    main.append(heading("Library"));
    focusHeadingWhenShown(main);
    expect(document.activeElement?.textContent).toBe("Library");
  });

  it("focuses a heading that appears later, when the page's code has loaded", async () => {
    const main = page();
    focusHeadingWhenShown(main);
    const section = document.createElement("section");
    section.append(heading("Asset"));
    main.append(section);
    await observed();
    expect(document.activeElement?.textContent).toBe("Asset");
  });

  it("leaves the focus where the person put it while the page loaded", async () => {
    const main = page();
    const search = document.createElement("input");
    document.body.prepend(search);
    focusHeadingWhenShown(main);
    search.focus();
    main.append(heading("Asset"));
    await observed();
    expect(document.activeElement).toBe(search);
  });

  it("stops waiting when the person goes on to another page", async () => {
    const main = page();
    const stop = focusHeadingWhenShown(main);
    stop();
    main.append(heading("Asset"));
    await observed();
    expect(document.activeElement).toBe(document.body);
  });
});
