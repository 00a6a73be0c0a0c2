import { ErrorBoundary, Suspense, type JSX } from "solid-js";
import { ErrorPanel } from "./ErrorPanel";
import { messageOf } from "../lib/messageOf";

export interface AsyncBoundaryProps {
  /** Said while the data inside is loading, e.g. "Loading assets…". */
  loading: string;
  /** The heading of the failure panel, e.g. "The library could not be loaded". */
  errorTitle: string;
  /** Fetches again; the boundary resets itself after calling it. */
  onRetry: () => void;
  children: JSX.Element;
}

/** The loading and error states every piece of fetched data needs: a status line, then the data or a "Try again". */
export function AsyncBoundary(props: AsyncBoundaryProps) {
  return (
    <ErrorBoundary
      fallback={(error: unknown, reset) => (
        <ErrorPanel
          title={props.errorTitle}
          message={messageOf(error)}
          onRetry={() => {
            props.onRetry();
            reset();
          }}
        />
      )}
    >
      <Suspense
        fallback={
          <p role="status" class="loading">
            {props.loading}
          </p>
        }
      >
        {props.children}
      </Suspense>
    </ErrorBoundary>
  );
}
