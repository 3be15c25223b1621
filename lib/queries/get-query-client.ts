import {
  QueryCache,
  QueryClient,
  defaultShouldDehydrateQuery,
  isServer,
} from "@tanstack/react-query";
import { signInPath } from "@/lib/auth/callback-url";

/** The HTTP status a failed query carried (our route handlers' ApiError), if any. */
function statusOf(error: unknown): number | undefined {
  const status =
    typeof error === "object" && error !== null
      ? (error as { status?: unknown }).status
      : undefined;
  return typeof status === "number" ? status : undefined;
}

let redirecting = false;

// A session that ended while a page polls shows up as 401 from a route handler: send the person
// to sign-in once, returning to where they were, instead of leaving a dead page polling.
function onQueryError(error: unknown): void {
  if (isServer || redirecting || statusOf(error) !== 401) return;
  redirecting = true;
  window.location.assign(signInPath(`${window.location.pathname}${window.location.search}`));
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onQueryError }),
    defaultOptions: {
      queries: {
        // Above zero so data prefetched on the server is not refetched the moment it hydrates.
        staleTime: 60_000,
        // Client errors (401, 403, 404, 400) won't change by asking again; others get two retries.
        retry: (failureCount, error) => {
          const status = statusOf(error);
          return (status === undefined || status >= 500 || status === 429) && failureCount < 2;
        },
      },
      dehydrate: {
        // Pending queries are dehydrated too, so server prefetches stream instead of blocking.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** One client per server request, one singleton in the browser (survives suspense re-renders). */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
