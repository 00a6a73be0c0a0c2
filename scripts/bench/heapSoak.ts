// The bench's heap soak (issue 16): how the page's JS heap moves over many renewals, measured so that the measuring
// does not land in the figure, and a heap snapshot diff that says what any growth is made of.
import type { CDPSession, Page } from "@playwright/test";

/** One reading: the JS heap after a forced GC, after this many renewals. */
export interface HeapSample {
  renewals: number;
  bytes: number;
}

/** Least-squares slope of bytes over renewals: one noisy sample moves it little, a steady climb shows. */
export function slope(samples: HeapSample[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = samples.reduce((sum, { renewals }) => sum + renewals, 0) / n;
  const meanY = samples.reduce((sum, { bytes }) => sum + bytes, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const { renewals, bytes } of samples) {
    covariance += (renewals - meanX) * (bytes - meanY);
    variance += (renewals - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}

/**
 * Presses the Session page's "Renew now" `count` times from inside the page, each time waiting until the status went
 * "renewing…" and came back "renewed at …" with the button enabled again. One loop per call, not one Playwright
 * round trip per renewal: locators and waits run Playwright's injected script in the page's own heap, and a control
 * run (the anchors' heap probe) showed such round trips growing the heap by themselves with no renewal at all.
 * A string, not a function: the bench runs under tsx, whose helpers named functions need are absent in the page.
 */
export function renewalsInPage(count: number): string {
  return `(async (count) => {
    const button = () => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Renew now");
    const status = () => document.querySelector('[data-testid="renewal-state"]')?.textContent ?? "";
    for (let i = 0; i < count; i++) {
      await new Promise((resolve, reject) => {
        let sawRenewing = false;
        const check = () => {
          const text = status();
          if (/failed/.test(text)) {
            observer.disconnect();
            reject(new Error("Renewal " + (i + 1) + " of " + count + ": " + text));
          } else if (text.startsWith("renewing")) sawRenewing = true;
          else if (sawRenewing && /renewed at/.test(text) && button() && !button().disabled) {
            observer.disconnect();
            resolve();
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        button().click();
        check();
      });
    }
  })(${String(Math.trunc(count))})`;
}

/**
 * The JS heap after a forced GC. The browser keeps a timing entry for every request (up to 250) on the page's heap:
 * that is its record of the token requests, not the app's, so the buffer is emptied before each reading.
 */
export async function readHeap(page: Page, cdp: CDPSession): Promise<number> {
  await page.evaluate("performance.clearResourceTimings()");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  return (await cdp.send("Runtime.getHeapUsage")).usedSize;
}

/** What a heap snapshot holds, in bytes by kind, and each kind of JS object by constructor name. */
export interface HeapComposition {
  /** V8's compiled code and bytecode: it grows as the renewal path gets hot and is optimised, then levels off. */
  code: number;
  /** JS values: objects, closures, arrays, strings, hidden classes… where an app's leak would show. */
  values: number;
  /**
   * The browser's own (Blink) objects. Not in the heap reading; among them the DevTools agent's record of every
   * request, kept because Playwright watches the network.
   */
  native: number;
  /** Objects and closures by constructor or function name: count and bytes. */
  byName: Map<string, { count: number; bytes: number }>;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
  strings: string[];
}

/** Sums a V8 heap snapshot (as `HeapProfiler.takeHeapSnapshot` streams it) by kind and by constructor. */
export function heapComposition(snapshot: SnapshotJson): HeapComposition {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const composition: HeapComposition = { code: 0, values: 0, native: 0, byName: new Map() };
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt] ?? -1];
    const bytes = snapshot.nodes[i + sizeAt] ?? 0;
    if (type === "code") composition.code += bytes;
    else if (type === "native") composition.native += bytes;
    else if (type !== "synthetic") composition.values += bytes;
    if (type === "object" || type === "closure") {
      const name = `${type === "closure" ? "closure " : ""}${snapshot.strings[snapshot.nodes[i + nameAt] ?? -1] ?? "?"}`;
      const entry = composition.byName.get(name) ?? { count: 0, bytes: 0 };
      entry.count += 1;
      entry.bytes += bytes;
      composition.byName.set(name, entry);
    }
  }
  return composition;
}

/** Takes a heap snapshot of the page (after a forced GC) and sums it. */
export async function takeComposition(page: Page, cdp: CDPSession): Promise<HeapComposition> {
  await readHeap(page, cdp);
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  }
  return heapComposition(JSON.parse(chunks.join("")) as SnapshotJson);
}

/** How the heap changed between two snapshots: bytes by kind, and the object kinds whose count grew most. */
export interface CompositionGrowth {
  code: number;
  values: number;
  native: number;
  grown: { name: string; count: number; bytes: number }[];
}

export function compositionGrowth(
  before: HeapComposition,
  after: HeapComposition,
  top = 5,
): CompositionGrowth {
  const grown = [...after.byName]
    .map(([name, { count, bytes }]) => ({
      name,
      count: count - (before.byName.get(name)?.count ?? 0),
      bytes: bytes - (before.byName.get(name)?.bytes ?? 0),
    }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count || b.bytes - a.bytes || a.name.localeCompare(b.name))
    .slice(0, top);
  return {
    code: after.code - before.code,
    values: after.values - before.values,
    native: after.native - before.native,
    grown,
  };
}
