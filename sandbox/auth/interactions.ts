import type { Context, Middleware } from "koa";
import type { Interaction, Provider } from "oidc-provider";
import { readBody } from "../http";
import { USERS } from "../users";
import { checkCredentials } from "./checkCredentials";
import { grantMissing } from "./implicitConsent";
import { loginPage } from "./loginPage";
import { sendPage } from "./page";
import type { SignInLog } from "../signInLog";

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)$/;
const AUTHORIZATION_PATH = "/connect/authorize";
// Finished sign-ins remembered for Back (see resumeFinished); the oldest go first.
const REMEMBERED_SIGN_INS = 500;

export interface InteractionOptions {
  provider: Provider;
  signIns: SignInLog;
  log: (line: string) => void;
}

/**
 * The sandbox's own sign-in page at oidc-provider's interaction URL: GET shows the form, POST checks the password.
 * Consent never needs a page (see implicitConsent.ts), so a consent prompt is answered on the spot.
 */
export function interactionRoutes(options: InteractionOptions): Middleware {
  // The authorization request behind each sign-in page, kept after the sign-in is done.
  const finished = new Map<string, Record<string, string>>();
  return async (ctx, next) => {
    const match = INTERACTION_PATH.exec(ctx.path);
    if (!match) return next();
    if (ctx.method !== "GET" && ctx.method !== "POST") {
      ctx.set("Allow", "GET, POST");
      ctx.status = 405;
      return;
    }

    const uid = match[1] ?? "";
    const interaction = await findInteraction(options.provider, ctx, uid);
    if (!interaction) {
      const request = finished.get(uid);
      if (ctx.method === "GET" && request) {
        // Back onto a sign-in page that is already done: like IdentityServer's login page with its ReturnUrl, go
        // on with the same authorization request; a signed-in person gets a fresh code straight away.
        seeOther(ctx, `${AUTHORIZATION_PATH}?${new URLSearchParams(request).toString()}`);
        return;
      }
      sendExpired(ctx);
      return;
    }
    finished.set(uid, stringParams(interaction.params));
    if (finished.size > REMEMBERED_SIGN_INS) finished.delete(finished.keys().next().value ?? "");

    switch (interaction.prompt.name) {
      case "login":
        await handleLogin(options, ctx, interaction);
        return;
      case "consent":
        await handleConsent(options.provider, ctx, interaction);
        return;
      default:
        options.log(`auth: unexpected interaction prompt ${interaction.prompt.name}`);
        sendExpired(ctx);
    }
  };
}

function stringParams(params: Record<string, unknown>): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string") strings[name] = value;
  }
  return strings;
}

async function findInteraction(
  provider: Provider,
  ctx: Context,
  uid: string,
): Promise<Interaction | undefined> {
  try {
    const interaction = await provider.interactionDetails(ctx.req, ctx.res);
    // The cookie names the interaction; the URL must agree, or an old tab would finish someone else's sign-in.
    return interaction.uid === uid ? interaction : undefined;
  } catch {
    return undefined;
  }
}

async function handleLogin(
  options: InteractionOptions,
  ctx: Context,
  interaction: Interaction,
): Promise<void> {
  const client = await options.provider.Client.find(String(interaction.params["client_id"]));
  const page = { action: ctx.path, clientName: client?.clientName ?? "your application", hints: USERS };

  if (ctx.method === "GET") {
    const hint = interaction.params["login_hint"];
    sendPage(
      ctx,
      200,
      loginPage({ ...page, username: typeof hint === "string" ? hint : "", failure: undefined }),
    );
    return;
  }

  const form = new URLSearchParams(await readBody(ctx.req));
  const username = form.get("username") ?? "";
  const check = checkCredentials(username, form.get("password") ?? "");
  if (!check.ok) {
    options.log(`auth: sign-in refused for "${username}": ${check.failure}`);
    // 200, as IdentityServer's own login page does: a 401 page would also log a console error in the browser.
    sendPage(ctx, 200, loginPage({ ...page, username, failure: check.failure }));
    return;
  }
  const { user } = check;

  options.signIns.record(user.id);
  options.log(`auth: ${user.username} signed in`);
  const returnTo = await options.provider.interactionResult(
    ctx.req,
    ctx.res,
    { login: { accountId: user.id } },
    { mergeWithLastSubmission: false },
  );
  seeOther(ctx, returnTo);
}

async function handleConsent(provider: Provider, ctx: Context, interaction: Interaction): Promise<void> {
  const accountId = interaction.session?.accountId;
  if (!accountId) {
    sendExpired(ctx);
    return;
  }
  const grantId = await grantMissing(provider, interaction, accountId);
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, { consent: { grantId } });
  seeOther(ctx, returnTo);
}

function seeOther(ctx: Context, location: string): void {
  ctx.redirect(location);
  ctx.status = 303;
}

function sendExpired(ctx: Context): void {
  sendPage(ctx, 400, {
    title: "Sign-in expired",
    body: `<h1>Sign-in expired</h1>
<p>This sign-in page is no longer valid. Go back to the application and sign in again.</p>`,
  });
}
