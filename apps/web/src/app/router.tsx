import { createBrowserRouter, type Params } from "react-router";
import { AcceptInvitationPage } from "../auth/accept-invitation-page";
import { PublicLayout } from "../auth/public-layout";
import { roleOf, SessionGate } from "../auth/session";
import { SignInPage } from "../auth/sign-in-page";
import { SignUpPage } from "../auth/sign-up-page";
import type { Me } from "../trpc/types";
import { CreateWorkspacePage } from "../workspaces/create-workspace-page";
import { HomePage, showsDashboard } from "./home-page";
import { Layout } from "./layout";
import { NotFoundPage } from "./not-found-page";
import { RouteErrorPage } from "./route-error-page";
import { type Prefetch, type PrefetchApi, prefetchDashboard, prefetchIdentity } from "./route-prefetch";
import { SectionAccess } from "./section-access";
import { canUseSection, type Section, sections } from "./sections";
import { SignedOutHome } from "./signed-out-home";

function PageLoading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}

function SignedInShell() {
  return (
    <SessionGate signedOutHome={<SignedOutHome />}>
      <Layout />
    </SessionGate>
  );
}

/**
 * A route loader that starts `prefetch` and returns at once: the page renders as it always has, only its
 * data is already on the way. (Loaders run in parallel with a route's `lazy` code.)
 */
function prefetchLoader(api: PrefetchApi, prefetch: Prefetch) {
  return ({ params }: { params: Params }) => {
    prefetch(api, params);
    return null;
  };
}

/**
 * The same once the session shows that the page will use the data (as the page itself would ask): for a
 * section, that `SectionAccess` lets the caller in. A signed-out or under-privileged visit sends no
 * request the server refuses, so it triggers no identity refresh either. The session is already on its
 * way (`prefetchIdentity`).
 */
function sessionPrefetchLoader(api: PrefetchApi, isWanted: (me: Me) => boolean, prefetch: Prefetch) {
  return ({ params }: { params: Params }) => {
    api.queryClient.ensureQueryData(api.trpc.auth.me.queryOptions()).then(
      (me) => {
        if (isWanted(me)) prefetch(api, params);
      },
      () => undefined,
    );
    return null;
  };
}

function sectionPrefetch(api: PrefetchApi, section: Section, prefetch: Prefetch | undefined) {
  return prefetch === undefined
    ? {}
    : { loader: sessionPrefetchLoader(api, (me) => canUseSection(section, roleOf(me)), prefetch) };
}

/**
 * Route tree. Sign-in and sign-up are the only pages a signed-out visitor sees; everything else sits
 * behind the session gate, which sends them to sign-in and back. The error boundary sits on a pathless
 * route inside each layout so a failing page keeps the header; the outer one covers the layouts.
 */
export function createAppRouter(api: PrefetchApi) {
  return createBrowserRouter([
    {
      path: "/",
      ErrorBoundary: RouteErrorPage,
      HydrateFallback: PageLoading,
      children: [
        {
          Component: PublicLayout,
          children: [
            {
              ErrorBoundary: RouteErrorPage,
              children: [
                { path: "sign-in", Component: SignInPage },
                { path: "sign-up", Component: SignUpPage },
                // A shared résumé: no account, no session gate; the link's token is the only credential.
                {
                  path: "s/:token",
                  lazy: async () => ({ Component: (await import("../ask/public-ask-page")).PublicAskPage }),
                },
              ],
            },
          ],
        },
        {
          Component: SignedInShell,
          // The session check and the page's code download together on a first load, not one after the other.
          loader: prefetchLoader(api, prefetchIdentity),
          children: [
            {
              ErrorBoundary: RouteErrorPage,
              children: [
                {
                  index: true,
                  Component: HomePage,
                  loader: sessionPrefetchLoader(api, showsDashboard, prefetchDashboard),
                },
                { path: "workspaces/new", Component: CreateWorkspacePage },
                { path: "invitations/:invitationId", Component: AcceptInvitationPage },
                // The instance operator's pages (not workspace sections); the server refuses anyone else.
                {
                  path: "outbox",
                  lazy: async () => ({ Component: (await import("../outbox/outbox-page")).OutboxPage }),
                },
                {
                  path: "operations/queues",
                  lazy: async () => ({ Component: (await import("../operations/queues-page")).QueuesPage }),
                },
                ...sections.flatMap((section) => [
                  {
                    path: section.path,
                    element: <SectionAccess section={section} />,
                    children: [
                      { index: true, lazy: section.lazy, ...sectionPrefetch(api, section, section.prefetch) },
                    ],
                  },
                  ...(section.pages ?? []).map((page) => ({
                    path: page.path,
                    element: <SectionAccess section={section} />,
                    children: [
                      {
                        index: true,
                        lazy: page.lazy,
                        ...sectionPrefetch(api, section, page.prefetch),
                      },
                    ],
                  })),
                ]),
                { path: "*", Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
