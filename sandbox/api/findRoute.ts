import { ApiError } from "./apiError";
import type { Route } from "./routes";

/** The route for a method and path: 404 for an unknown path, 405 for a known path with another method. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } {
  let pathKnown = false;
  for (const route of routes) {
    const match = route.path.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === method) return { route, params: match.slice(1).map((param) => param ?? "") };
  }
  if (pathKnown) throw new ApiError(405, "method_not_allowed", `${method} is not allowed on ${path}.`);
  throw new ApiError(404, "not_found", `No resource at ${path}.`);
}
