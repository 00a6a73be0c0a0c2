import { A } from "@solidjs/router";

/** Any path Valet does not know. */
export default function NotFoundPage() {
  return (
    <>
      <h1 tabindex="-1">Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <A href="/">Go to the start page</A>
      </p>
    </>
  );
}
