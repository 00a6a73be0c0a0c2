import type { KoaContextWithOIDC, ErrorOut } from "oidc-provider";
import { escapeHtml } from "../html";
import { sendPage } from "./page";

const LOGOUT_SCRIPT = 'document.getElementById("op.logoutForm").submit();';

/**
 * The end-session page. With a valid `id_token_hint` (endSessionNeedsIdTokenHint.ts lets no other through) the user
 * is signed out without a question and sent back to the app, as IdentityServer does: the page posts oidc-provider's
 * confirmation form by itself (the button only matters without JavaScript). Without one, IdentityServer cannot tell
 * which app is asking, so it asks "Do you want to sign out?" and, after yes, stays on its own signed-out page.
 */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const confirmed = form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>');
  if (ctx.oidc.entities.IdTokenHint !== undefined) {
    sendPage(ctx, 200, {
      title: "Signing out",
      body: `<h1>Signing out…</h1>
${confirmed}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
      script: LOGOUT_SCRIPT,
    });
    return;
  }
  sendPage(ctx, 200, {
    title: "Sign out",
    body: `<h1>Do you want to sign out?</h1>
<p>You are signed in to the MediaValet Sandbox.</p>
${confirmed}
<button type="submit" form="op.logoutForm">Yes, sign out</button>`,
  });
}

/** Where a sign-out ends when the app gave no valid way back (or none at all): a page of the auth server's own. */
export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  sendPage(ctx, 200, {
    title: "Signed out",
    body: `<h1>You are signed out</h1>
<p>You are signed out of the MediaValet Sandbox. You can close this page.</p>`,
  });
}

/** Errors the auth server cannot send back to a client (an unknown client, an unregistered redirect URI…). */
export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  const rows = [
    ["Error", out.error],
    ["Description", out.error_description],
  ]
    .filter((row): row is [string, string] => typeof row[1] === "string")
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join("\n");
  sendPage(ctx, ctx.status, {
    title: "Sign-in error",
    body: `<h1>Sign-in error</h1>
<p>The MediaValet Sandbox could not process this request.</p>
<dl>
${rows}
</dl>`,
  });
}
