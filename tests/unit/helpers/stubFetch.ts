import { vi } from "vitest";

/** A fetch that answers each call with `answer(url, init)` and remembers what it was asked (a vitest mock). */
export function stubFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return vi.fn<typeof fetch>(async (input, init) =>
    answer(input instanceof Request ? input.url : String(input), init ?? {}),
  );
}
