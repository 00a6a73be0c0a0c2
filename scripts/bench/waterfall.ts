// The bench's `--waterfall`: every request of one page load with its start and end relative to the navigation, read
// from the page's own Performance entries, printed as a text chart so that the critical path shows at a glance.
import type { Page } from "@playwright/test";

/** One request of the page load, in milliseconds since the navigation started. */
export interface WaterfallEntry {
  /** What was fetched: a file of the site, or a request to the auth server or the API, by path. */
  name: string;
  /** Requests of the same group (thumbnails) share one line. */
  group?: string;
  /** How the request was started, as resource timing names it: "script", "link", "fetch", "img", "navigation"… */
  initiator: string;
  start: number;
  end: number;
}

export interface Waterfall {
  entries: WaterfallEntry[];
  /** When the bench saw the data on screen, on the same clock. */
  shownAt: number;
}

/**
 * Reads the current document's navigation and resource entries. Call it after the moment being measured: entries
 * that start later (thumbnails) are kept, and the chart folds them into one line.
 * @param label names each request's origin: the site's own files keep their path, other origins get a prefix
 */
export async function readWaterfall(
  page: Page,
  label: (url: string) => { name: string; group?: string } | undefined,
): Promise<Waterfall> {
  const raw = await page.evaluate(() => ({
    shownAt: performance.now(),
    entries: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map(
      (entry) => ({
        url: entry.name,
        initiator: (entry as PerformanceResourceTiming).initiatorType,
        start: entry.startTime,
        end: (entry as PerformanceResourceTiming).responseEnd,
      }),
    ),
  }));
  const entries = raw.entries.flatMap(({ url, initiator, start, end }) => {
    const named = label(url);
    return named === undefined ? [] : [{ ...named, initiator, start, end }];
  });
  return { shownAt: raw.shownAt, entries };
}

/** `/static/LibraryPage-Bx2T4hEt.js` → `LibraryPage.js`: the build's hash says nothing about the path taken. */
export function withoutHash(path: string): string {
  return path.replace(/-[A-Za-z0-9_-]{8}(\.[a-z]+)$/, "$1");
}

/**
 * The chart: one line per request that started before the data was on screen, sorted by start, with its start,
 * end and a bar on a shared scale; later requests are counted on one line.
 */
export function formatWaterfall(title: string, waterfall: Waterfall, width = 48): string[] {
  const groups = new Map<string, WaterfallEntry>();
  const lines: WaterfallEntry[] = [];
  for (const entry of waterfall.entries.filter((each) => each.start <= waterfall.shownAt)) {
    if (entry.group === undefined) {
      lines.push(entry);
      continue;
    }
    const seen = groups.get(entry.group);
    const count = Number(seen?.name.match(/×(\d+)$/)?.[1] ?? 0) + 1;
    const merged = {
      name: `${entry.group} ×${count}`,
      initiator: entry.initiator,
      start: Math.min(seen?.start ?? entry.start, entry.start),
      end: Math.max(seen?.end ?? entry.end, entry.end),
    };
    groups.set(entry.group, merged);
  }
  const before = [...lines, ...groups.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  const later = waterfall.entries.filter((entry) => entry.start > waterfall.shownAt).length;
  const span = Math.max(waterfall.shownAt, ...before.map((entry) => entry.end), 1);
  const column = (ms: number) => Math.min(width, Math.round((ms / span) * width));
  const bar = (start: number, end: number) => {
    const from = column(start);
    const to = Math.max(from + 1, column(end));
    return `${" ".repeat(from)}${"█".repeat(to - from)}`.padEnd(width);
  };
  const nameWidth = Math.max(12, ...before.map((entry) => entry.name.length));
  const output = [
    `${title}: data on screen at ${waterfall.shownAt.toFixed(0)} ms after navigation`,
    `  ${"start".padStart(5)} ${"end".padStart(5)}  ${"request".padEnd(nameWidth)}  ${"by".padEnd(10)} |`,
  ];
  for (const entry of before) {
    output.push(
      `  ${entry.start.toFixed(0).padStart(5)} ${entry.end.toFixed(0).padStart(5)}  ` +
        `${entry.name.padEnd(nameWidth)}  ${entry.initiator.padEnd(10)} |${bar(entry.start, entry.end)}|`,
    );
  }
  const shown = column(waterfall.shownAt);
  output.push(
    `  ${waterfall.shownAt.toFixed(0).padStart(5)} ${"".padStart(5)}  ${"data on screen".padEnd(nameWidth)}  ` +
      `${"".padEnd(10)} |${`${" ".repeat(Math.max(0, shown - 1))}▲`.padEnd(width)}|`,
  );
  if (later > 0) output.push(`  (+${later} requests after the data was on screen: thumbnails and the like)`);
  return output;
}
