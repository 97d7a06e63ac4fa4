import type { ComponentType } from "react";
import { matchPath } from "react-router";
import { hasRoleAtLeast, type Role } from "../auth/roles";
import { type Prefetch, prefetchDocuments, prefetchProfile } from "./route-prefetch";

/**
 * One entry per shipped capability: it becomes both a route and a main-navigation link, so adding a
 * capability (Documents, Ask, Match, Map) is one line here plus its page module. Only list what exists.
 */
export interface Section {
  /** URL segment under the root, kebab-case, unique. */
  path: string;
  /** Navigation label and the page's document title. */
  label: string;
  /** One sentence for the home page. */
  summary: string;
  /**
   * The lowest workspace role that can use the page (the server's rule for its main query). When set,
   * the page needs an active workspace and is hidden from anyone below the role.
   */
  minRole?: Role;
  /** Loads the page on first visit so each capability ships as its own chunk. */
  lazy: () => Promise<{ Component: ComponentType }>;
  /** The query the page paints first, started alongside its code (`route-prefetch.ts`). */
  prefetch?: Prefetch;
  /**
   * Pages reached from this section rather than from the navigation (a document's profile). They get
   * their own top-level path but the section's access rule, so no route escapes its role check.
   */
  pages?: readonly SectionPage[];
}

export interface SectionPage {
  /**
   * Route pattern under the root, e.g. `profiles/:profileId`. Pages may share a first segment
   * (`profiles/:profileId/ask`); the title comes from the pattern that matches the whole path.
   */
  path: string;
  /** The page's document title. */
  label: string;
  lazy: () => Promise<{ Component: ComponentType }>;
  /** The query the page paints first, started alongside its code (`route-prefetch.ts`). */
  prefetch?: Prefetch;
}

export const sections: readonly Section[] = [
  {
    path: "status",
    label: "Status",
    summary: "Check that every dependency is up and run an end-to-end self-test.",
    lazy: async () => ({ Component: (await import("../status/status-page")).StatusPage }),
  },
  {
    path: "documents",
    label: "Documents",
    summary: "Upload résumés and turn each into a profile you can check and correct.",
    minRole: "viewer",
    lazy: async () => ({ Component: (await import("../documents/documents-page")).DocumentsPage }),
    prefetch: prefetchDocuments,
    pages: [
      {
        path: "profiles/:profileId",
        label: "Profile",
        lazy: async () => ({ Component: (await import("../profiles/profile-page")).ProfilePage }),
        prefetch: prefetchProfile,
      },
      {
        path: "profiles/:profileId/ask",
        label: "Ask",
        lazy: async () => ({ Component: (await import("../ask/ask-page")).AskPage }),
        prefetch: prefetchProfile,
      },
      {
        path: "profiles/:profileId/match",
        label: "Match",
        lazy: async () => ({ Component: (await import("../match/profile-match-page")).ProfileMatchPage }),
      },
    ],
  },
  {
    path: "postings",
    label: "Postings",
    summary: "Paste job postings, see what each one asks for and score profiles against it.",
    minRole: "viewer",
    lazy: async () => ({ Component: (await import("../match/postings-page")).PostingsPage }),
    pages: [
      {
        path: "posting/:postingId",
        label: "Posting",
        lazy: async () => ({ Component: (await import("../match/posting-page")).PostingPage }),
      },
      {
        path: "posting/:postingId/match/:profileId",
        label: "Match",
        lazy: async () => ({ Component: (await import("../match/match-page")).MatchPage }),
      },
      {
        path: "posting/:postingId/ranking",
        label: "Ranking",
        lazy: async () => ({ Component: (await import("../match/ranking-page")).RankingPage }),
      },
      {
        path: "tailoring/:tailoringId",
        label: "Tailor",
        lazy: async () => ({ Component: (await import("../match/tailoring-page")).TailoringPage }),
      },
    ],
  },
  {
    path: "imports",
    label: "Imports",
    summary: "Import HR spreadsheets: map their columns, check every row and export clean CSV, JSON or XML.",
    minRole: "viewer",
    lazy: async () => ({ Component: (await import("../imports/imports-page")).ImportsPage }),
    pages: [
      {
        path: "import/:importId",
        label: "Import",
        lazy: async () => ({ Component: (await import("../imports/import-page")).ImportPage }),
      },
      {
        path: "import-mappings",
        label: "Saved mappings",
        lazy: async () => ({ Component: (await import("../imports/mappings-page")).MappingsPage }),
      },
    ],
  },
  {
    path: "members",
    label: "Members",
    summary: "See who belongs to this workspace, invite people and manage their roles.",
    minRole: "viewer",
    lazy: async () => ({ Component: (await import("../members/members-page")).MembersPage }),
  },
  {
    path: "api-keys",
    label: "API keys",
    summary: "Create scoped keys for scripts and integrations, and revoke them.",
    minRole: "admin",
    lazy: async () => ({ Component: (await import("../api-keys/api-keys-page")).ApiKeysPage }),
  },
  {
    path: "audit",
    label: "Audit log",
    summary: "Review who did what in this workspace, and when.",
    minRole: "admin",
    lazy: async () => ({ Component: (await import("../audit/audit-page")).AuditPage }),
  },
  {
    path: "usage",
    label: "Usage",
    summary: "Track this month's requests, AI tokens and storage against your plan.",
    minRole: "viewer",
    lazy: async () => ({ Component: (await import("../usage/usage-page")).UsagePage }),
  },
];

export const productName = "Vitae";

/** Whether someone with `role` in the active workspace (`null`: no workspace) can use `section`. */
export function canUseSection(section: Section, role: Role | null): boolean {
  return section.minRole === undefined || hasRoleAtLeast(role, section.minRole);
}

/** The sections to show in navigation and on the home page for `role`. */
export function visibleSections(role: Role | null, list: readonly Section[] = sections): Section[] {
  return list.filter((section) => canUseSection(section, role));
}

function firstSegment(path: string): string | undefined {
  return path.split("/").find((part) => part.length > 0);
}

/** Signed-in pages outside the sections (the shell's own routes in `router.tsx`), by route pattern. */
const shellPageLabels: Readonly<Record<string, string>> = {
  "/": "Home",
  "/workspaces/new": "New workspace",
  "/invitations/:invitationId": "Invitation",
  "/outbox": "Outbox",
  "/operations/queues": "Queues",
};

/**
 * The browser tab title for a pathname: the matching section's or page's label, the shell page's, else
 * "Page not found" (the router's catch-all). A page may put its subject before it (`page-title.tsx`).
 */
export function documentTitleFor(pathname: string, list: readonly Section[] = sections): string {
  const shellPage = Object.entries(shellPageLabels).find(
    ([pattern]) => matchPath(pattern, pathname) !== null,
  );
  if (shellPage !== undefined) return `${shellPage[1]} · ${productName}`;
  const segment = firstSegment(pathname);
  const section = list.find((entry) => entry.path === segment);
  const pages = list.flatMap((entry) => entry.pages ?? []);
  const page =
    pages.find((entry) => matchPath(`/${entry.path}`, pathname) !== null) ??
    pages.find((entry) => firstSegment(entry.path) === segment);
  const label = section?.label ?? page?.label ?? "Page not found";
  return `${label} · ${productName}`;
}
