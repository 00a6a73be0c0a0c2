/** Runs a callback at the next frame, before it is painted; returns what cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

const nextFrame: FrameScheduler = (callback) => {
  const frame = requestAnimationFrame(callback);
  return () => cancelAnimationFrame(frame);
};

/**
 * Moves focus to the new page's heading so that screen readers announce the page. A page whose code or data is still
 * loading shows its heading a little later: then focus goes to it once it appears, unless the person has put focus
 * somewhere themselves meanwhile (it is on the page's body only while nothing holds it).
 *
 * It looks at the next frame, not at once: focusing makes the browser work out the styles of the whole new page on
 * the spot, and during a navigation that held back the page's first API request by 5-10 ms (issue 16). At the next
 * frame the browser works them out anyway, to paint.
 * @param main the element the pages render into
 * @param schedule when to look (tests run the frame themselves)
 * @returns stops waiting (the person went on to another page)
 */
export function focusHeadingWhenShown(main: HTMLElement, schedule = nextFrame): () => void {
  let stopWaiting: () => void = () => undefined;
  const before = document.activeElement;
  const cancel = schedule(() => {
    const active = document.activeElement;
    // Moved by the person within that frame (a quick Tab): theirs.
    if (active !== before && active && active !== document.body) return;
    stopWaiting = focusOrWait(main);
  });
  return () => {
    cancel();
    stopWaiting();
  };
}

function focusOrWait(main: HTMLElement): () => void {
  const heading = () => main.querySelector<HTMLElement>("h1");
  const now = heading();
  if (now) {
    now.focus({ preventScroll: true });
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const shown = heading();
    if (!shown) return;
    stop();
    const active = document.activeElement;
    if (!active || active === document.body) shown.focus({ preventScroll: true });
  });
  // A page that never shows a heading leaves the focus where it is.
  const timer = setTimeout(() => stop(), 10_000);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
