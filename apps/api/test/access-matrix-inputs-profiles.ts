import type { Fixture } from "./access-matrix-world";

/** Access-matrix fixtures of the routers around a person's documents and profile (documents, profiles, chat, shareLinks, public, exports). */
export const profileInputs: Record<string, Fixture> = {
  "documents.createUpload": {
    input: () => ({ filename: "cv.pdf", contentType: "application/pdf", size: 100 }),
  },
  "documents.finalize": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.list": { input: () => ({ query: "marcus", statuses: ["ready"], kinds: ["pdf"] }) },
  "documents.byId": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.source": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.progress": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.download": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.delete": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "documents.reingest": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "profiles.byId": {
    input: (w) => ({ profileId: w.profileIdA }),
    foreign: (w) => ({ profileId: w.profileIdA }),
  },
  "profiles.byDocument": {
    input: (w) => ({ documentId: w.documentIdA }),
    foreign: (w) => ({ documentId: w.documentIdA }),
  },
  "profiles.update": {
    input: (w) => ({ profileId: w.profileIdA, patch: { headline: "Edited" } }),
    foreign: (w) => ({ profileId: w.profileIdA, patch: { headline: "Edited" } }),
  },
  "profiles.revert": {
    input: (w) => ({ profileId: w.profileIdA, expectedVersion: "stale", patch: { headline: "Edited" } }),
    foreign: (w) => ({ profileId: w.profileIdA, expectedVersion: "stale", patch: { headline: "Edited" } }),
  },
  "profiles.attest": {
    input: (w) => ({ profileId: w.profileIdA, skill: "Kubernetes" }),
    foreign: (w) => ({ profileId: w.profileIdA, skill: "Kubernetes" }),
  },
  "chat.ask": {
    input: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
    foreign: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
  },
  "chat.stream": {
    input: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
    foreign: (w) => ({ profileId: w.profileIdA, question: "Where does he work?" }),
  },
  "chat.history": {
    input: (w) => ({ sessionId: w.sessionIdA }),
    foreign: (w) => ({ sessionId: w.sessionIdA }),
  },
  "chat.reset": {
    input: (w) => ({ sessionId: w.sessionIdA }),
    foreign: (w) => ({ sessionId: w.sessionIdA }),
  },
  "chat.createVoiceUpload": { input: () => ({ contentType: "audio/wav", size: 1000 }) },
  "chat.askVoice": {
    input: (w) => ({ profileId: w.profileIdA, uploadId: "2026112500-6f1d1b0e-0000-4000-8000-000000000000" }),
  },
  "shareLinks.create": {
    input: (w) => ({ profileId: w.profileIdA }),
    foreign: (w) => ({ profileId: w.profileIdA }),
  },
  "shareLinks.list": { input: () => ({}) },
  "shareLinks.update": {
    input: (w) => ({ shareLinkId: w.shareLinkIdA, showContact: false }),
    foreign: (w) => ({ shareLinkId: w.shareLinkIdA, showContact: false }),
  },
  "shareLinks.revoke": {
    input: (w) => ({ shareLinkId: w.shareLinkIdA }),
    foreign: (w) => ({ shareLinkId: w.shareLinkIdA }),
  },
  "shareLinks.insights": {
    input: (w) => ({ shareLinkId: w.shareLinkIdA }),
    foreign: (w) => ({ shareLinkId: w.shareLinkIdA }),
  },
  "public.profile": { input: () => ({ token: "vs_unknown-token-000000" }) },
  "public.ask": { input: () => ({ token: "vs_unknown-token-000000", question: "Hi" }) },
  "public.stream": { input: () => ({ token: "vs_unknown-token-000000", question: "Hi" }) },
  "exports.create": {
    input: (w) => ({ profileId: w.profileIdA, format: "html" }),
    foreign: (w) => ({ profileId: w.profileIdA, format: "html" }),
  },
  "exports.byId": {
    input: (w) => ({ exportId: w.exportIdA }),
    foreign: (w) => ({ exportId: w.exportIdA }),
  },
  "exports.progress": {
    input: (w) => ({ exportId: w.exportIdA }),
    foreign: (w) => ({ exportId: w.exportIdA }),
  },
};
