// Where keyboard and screen-reader users land after the page changes: on the new page's heading (its one h1),
// so they hear which page they are on and continue from its top instead of from the link they left behind.

/** Moves focus to the heading of the page shown in the main region; false when there is none (yet). */
export function focusPageHeading(): boolean {
  const heading = document.querySelector<HTMLElement>('#main h1');
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
  return true;
}

/**
 * Focuses the page heading as soon as it is shown (a page loaded on demand shows a loader first); gives up after a
 * few seconds. Returns the clean-up for an effect.
 */
export function focusPageHeadingWhenShown(): () => void {
  const main = document.getElementById('main');
  if (focusPageHeading() || !main) return () => undefined;
  const observer = new MutationObserver(() => {
    if (focusPageHeading()) stop();
  });
  const timer = window.setTimeout(() => stop(), 5_000);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}
