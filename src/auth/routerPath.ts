/**
 * Paths in Valet come in two forms: full paths as the browser shows them ("/valet/assets") and router paths,
 * relative to the app's base ("/assets"). The router wants the second; URLs and stored return paths use the first.
 */

/** "/assets" under base "/valet/" -> "/valet/assets". */
export function toFullPath(routerPath: string, basePath: string): string {
  if (basePath === "/") return routerPath;
  return `${basePath.replace(/\/$/, "")}${routerPath.startsWith("/") ? routerPath : `/${routerPath}`}`;
}

/** "/valet/assets?x=1" under base "/valet/" -> "/assets?x=1"; a path outside the base gives "/". */
export function toRouterPath(fullPath: string, basePath: string): string {
  if (basePath === "/") return fullPath;
  const root = basePath.replace(/\/$/, "");
  if (fullPath === root || fullPath === basePath) return "/";
  if (!fullPath.startsWith(basePath)) return "/";
  return fullPath.slice(root.length);
}
