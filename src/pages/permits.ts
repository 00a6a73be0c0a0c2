/** What each permission lets a person do, completing "Your account may not …". */
const DESCRIBED: Readonly<Record<string, string>> = {
  "asset:editMetadata": "change this asset's details",
  "asset:editKeywords": "change this asset's keywords",
  "asset:assignCategory": "file this asset in categories",
  "asset:download": "download assets",
  "lightbox:create": "create lightboxes",
  "lightbox:editDetails": "rename this lightbox",
  "lightbox:editAssets": "add or remove this lightbox's assets",
  "lightbox:delete": "delete this lightbox",
};

/**
 * Whether a permission is granted, asking the most specific source first: an asset's or lightbox's own
 * `permissions`, then the person's (`/users/current/permissions`). The first source that is known decides; when none
 * is (an API version that sends no permissions), the action is offered and MediaValet decides, a refusal naming it.
 */
export function permits(name: string, ...sources: (readonly string[] | undefined)[]): boolean {
  const known = sources.find((source) => source !== undefined);
  return known === undefined || known.includes(name);
}

/** Says why an action is not offered, naming the permission, so a hidden control is never a silent dead end. */
export function notPermittedMessage(name: string): string {
  const what = DESCRIBED[name] ?? "do this";
  return `Your MediaValet account may not ${what} (it lacks the ${name} permission). Ask your MediaValet administrator if you need to.`;
}
