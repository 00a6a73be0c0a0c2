import { afterEach, describe, expect, it } from "vitest";
import { focusHeadingWhenShown, type FrameScheduler } from "../../../src/pages/focusHeadingWhenShown";

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

/** The next frame, run when the test says. */
function frame(): { schedule: FrameScheduler; run(): void } {
  let pending: (() => void) | undefined;
  return {
    schedule: (callback) => {
      pending = callback;
      return () => (pending = undefined);
    },
    run: () => {
      const callback = pending;
      pending = undefined;
      callback?.();
    },
  };
}

/** Lets the MutationObserver's callback run. */
const observed = () => new Promise((resolve) => setTimeout(resolve));

describe("focusHeadingWhenShown", () => {
  afterEach(() => {
    document.body.textContent = "";
  });

  it("focuses the heading that is there at the next frame, not during the navigation", () => {
    const main = page();
    main.append(heading("Library"));
    const next = frame();
    focusHeadingWhenShown(main, next.schedule);
    expect(document.activeElement).toBe(document.body);
    next.run();
    expect(document.activeElement?.textContent).toBe("Library");
  });

  it("focuses a heading that appears later, when the page's code has loaded", async () => {
    const main = page();
    const next = frame();
    focusHeadingWhenShown(main, next.schedule);
    next.run();
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
    const next = frame();
    focusHeadingWhenShown(main, next.schedule);
    next.run();
    search.focus();
    main.append(heading("Asset"));
    await observed();
    expect(document.activeElement).toBe(search);
  });

  it("leaves the focus where the person put it before the frame", () => {
    const main = page();
    main.append(heading("Library"));
    const link = document.createElement("a");
    link.href = "#top";
    document.body.prepend(link);
    const next = frame();
    focusHeadingWhenShown(main, next.schedule);
    link.focus();
    next.run();
    expect(document.activeElement).toBe(link);
  });

  it("does nothing when the person goes on to another page before the frame", () => {
    const main = page();
    main.append(heading("Library"));
    const next = frame();
    const stop = focusHeadingWhenShown(main, next.schedule);
    stop();
    next.run();
    expect(document.activeElement).toBe(document.body);
  });

  it("stops waiting when the person goes on to another page", async () => {
    const main = page();
    const next = frame();
    const stop = focusHeadingWhenShown(main, next.schedule);
    next.run();
    stop();
    main.append(heading("Asset"));
    await observed();
    expect(document.activeElement).toBe(document.body);
  });
});
