/**
 * Moves focus to the new page's heading so that screen readers announce the page. A page whose code or data is still
 * loading shows its heading a little later: then focus goes to it once it appears, unless the person has put focus
 * somewhere themselves meanwhile (it is on the page's body only while nothing holds it).
 * @param main the element the pages render into
 * @returns stops waiting (the person went on to another page)
 */
export function focusHeadingWhenShown(main: HTMLElement): () => void {
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
