import {
  type Database,
  getProfileLineage,
  getProfileVersion,
  getProfileView,
  getProfileViewByDocument,
  getTailoredFor,
  listAttestations,
  listTailoredVersions,
  profileSources,
  updateProfile,
} from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { router } from "../../trpc/init";
import { workspaceProcedure } from "../../trpc/procedures";
import { auditedWrite } from "../audit-trail";
import { isoDate } from "../schemas";
import { attest } from "./attest";
import { profilePatchSchema } from "./patch-schema";

/** A parsed profile as clients see it: the contract's Profile plus a stable id on every fact. */
const profileView = z.object({
  id: z.string(),
  documentId: z.string(),
  name: z.string().nullable(),
  headline: z.string().nullable(),
  summary: z.string().nullable(),
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    location: z.string().nullable(),
    links: z.array(z.string()),
  }),
  experiences: z.array(
    z.object({
      id: z.string(),
      company: z.string(),
      title: z.string(),
      start: z.string().nullable(),
      end: z.string().nullable(),
      location: z.string().nullable(),
      bullets: z.array(z.string()),
      technologies: z.array(z.string()),
    }),
  ),
  education: z.array(
    z.object({
      id: z.string(),
      school: z.string(),
      degree: z.string().nullable(),
      field: z.string().nullable(),
      start: z.string().nullable(),
      end: z.string().nullable(),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      url: z.string().nullable(),
      technologies: z.array(z.string()),
    }),
  ),
  skills: z.array(z.object({ id: z.string(), name: z.string(), category: z.string(), raw: z.string() })),
  languages: z.array(z.object({ name: z.string(), level: z.string().nullable() })),
  certifications: z.array(z.string()),
  awards: z.array(z.string()),
  publications: z.array(z.string()),
  volunteering: z.array(z.string()),
});

/**
 * `profiles.byId` adds the skills the user attested (`profiles.attest`, oldest first) and where the
 * profile came from: parsed from its document, or a tailored version of `parentProfileId` confirmed from
 * `tailoringId`, with the section order tailoring chose (null: the default order). `tailoredFor` names
 * the posting a tailored version was made for; `versions` lists the tailored versions made from this
 * profile (oldest first), so clients link a version to its parent and back. `version` changes with every
 * correction: `profiles.revert` takes it to refuse an undo once someone else has saved since.
 */
const profileWithAttestations = profileView.extend({
  version: z.string(),
  source: z.enum(profileSources),
  parentProfileId: z.string().nullable(),
  tailoringId: z.string().nullable(),
  sectionOrder: z.array(z.string()).nullable(),
  tailoredFor: z
    .object({
      tailoringId: z.string(),
      postingId: z.string().nullable(),
      title: z.string().nullable(),
      company: z.string().nullable(),
    })
    .nullable(),
  versions: z.array(
    z.object({
      profileId: z.string(),
      tailoringId: z.string().nullable(),
      postingId: z.string().nullable(),
      title: z.string().nullable(),
      company: z.string().nullable(),
      createdAt: isoDate,
    }),
  ),
  attestations: z.array(
    z.object({ id: z.string(), skill: z.string(), note: z.string().nullable(), createdAt: isoDate }),
  ),
});

const readProcedure = workspaceProcedure({ role: "viewer", scope: "documents:read" });

/** A profile as `profiles.byId` shows it; NOT_FOUND when missing or another workspace's. */
async function readProfile(db: Database, scope: { workspaceId: string; profileId: string }) {
  const [view, lineage, version, attested, versions] = await Promise.all([
    getProfileView(db, scope),
    getProfileLineage(db, scope),
    getProfileVersion(db, scope),
    listAttestations(db, { workspaceId: scope.workspaceId, profileIds: [scope.profileId] }),
    listTailoredVersions(db, scope),
  ]);
  if (!view || !lineage || version === undefined) throw new AppError("NOT_FOUND");
  const tailoredFor =
    lineage.tailoringId === null
      ? undefined
      : await getTailoredFor(db, { workspaceId: scope.workspaceId, tailoringId: lineage.tailoringId });
  return {
    ...view,
    ...lineage,
    version,
    tailoredFor: tailoredFor ?? null,
    versions,
    attestations: attested.get(view.id) ?? [],
  };
}

const byId = readProcedure
  .input(z.strictObject({ profileId: z.uuid() }))
  .output(profileWithAttestations)
  .query(({ ctx, input }) =>
    readProfile(ctx.deps.db, { workspaceId: ctx.workspace.id, profileId: input.profileId }),
  );

const byDocument = readProcedure
  .input(z.strictObject({ documentId: z.uuid() }))
  .output(profileView)
  .query(async ({ ctx, input }) => {
    const view = await getProfileViewByDocument(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      documentId: input.documentId,
    });
    if (!view) throw new AppError("NOT_FOUND");
    return view;
  });

/**
 * Owner corrections (see `profilePatchSchema`): fields, facts edited, removed, reordered and added.
 * Unknown or foreign fact ids are NOT_FOUND; a date range that starts in the future or ends before it
 * starts, or an order that does not list every fact once, is BAD_REQUEST. Answers with the stored
 * profile as `profiles.byId` shows it.
 */
const writeProcedure = workspaceProcedure({ role: "member", scope: "documents:write" });

const update = writeProcedure
  .input(
    z.strictObject({
      profileId: z.uuid(),
      patch: profilePatchSchema,
    }),
  )
  .output(profileWithAttestations)
  .mutation(async ({ ctx, input }) => {
    await auditedWrite(
      ctx,
      (tx) =>
        updateProfile(tx, { workspaceId: ctx.workspace.id, profileId: input.profileId, patch: input.patch }),
      () => ({
        workspaceId: ctx.workspace.id,
        action: "profiles.update",
        targetType: "profile",
        targetId: input.profileId,
        metadata: { fields: Object.keys(input.patch) },
      }),
    );
    // The same shape as `profiles.byId`, so a client can put the answer straight into its cache.
    return readProfile(ctx.deps.db, { workspaceId: ctx.workspace.id, profileId: input.profileId });
  });

/**
 * Undoing a saved correction: `patch` puts back what that save changed (the client computes it from the
 * profile before and after), applied only while the profile is still at `expectedVersion` — the
 * `version` that save answered with. Once anyone has saved since, it is CONFLICT and nothing changes, so
 * an undo never overwrites a later edit. The same access, checks and answer as `profiles.update`;
 * audited as `profiles.revert`.
 */
const revert = writeProcedure
  .input(
    z.strictObject({
      profileId: z.uuid(),
      expectedVersion: z.string().min(1).max(64),
      patch: profilePatchSchema,
    }),
  )
  .output(profileWithAttestations)
  .mutation(async ({ ctx, input }) => {
    await auditedWrite(
      ctx,
      (tx) =>
        updateProfile(tx, {
          workspaceId: ctx.workspace.id,
          profileId: input.profileId,
          patch: input.patch,
          expectedVersion: input.expectedVersion,
        }),
      () => ({
        workspaceId: ctx.workspace.id,
        action: "profiles.revert",
        targetType: "profile",
        targetId: input.profileId,
        metadata: { fields: Object.keys(input.patch) },
      }),
    );
    return readProfile(ctx.deps.db, { workspaceId: ctx.workspace.id, profileId: input.profileId });
  });

export const profilesRouter = router({ byId, byDocument, update, revert, attest });
