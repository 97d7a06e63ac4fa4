import type { Fixture } from "./access-matrix-world";

/** Access-matrix fixtures of the matching routers (postings, matches, tailoring). */
export const matchingInputs: Record<string, Fixture> = {
  "postings.create": { input: () => ({ text: "Requirements\n- Python" }) },
  "postings.byId": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "postings.list": { input: () => ({}) },
  "postings.delete": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "matches.score": {
    input: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
    foreign: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
  },
  "matches.rank": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "matches.ranking": {
    input: (w) => ({ postingId: w.postingIdA }),
    foreign: (w) => ({ postingId: w.postingIdA }),
  },
  "matches.rankProgress": {
    input: (w) => ({ rankingId: w.rankingIdA }),
    foreign: (w) => ({ rankingId: w.rankingIdA }),
  },
  "tailoring.propose": {
    input: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
    foreign: (w) => ({ profileId: w.profileIdA, postingId: w.postingIdA }),
  },
  "tailoring.byId": {
    input: (w) => ({ tailoringId: w.tailoringIdA }),
    foreign: (w) => ({ tailoringId: w.tailoringIdA }),
  },
  "tailoring.progress": {
    input: (w) => ({ tailoringId: w.tailoringIdA }),
    foreign: (w) => ({ tailoringId: w.tailoringIdA }),
  },
  "tailoring.confirm": {
    input: (w) => ({ tailoringId: w.tailoringIdA, acceptedChangeIds: [], baseHash: "0".repeat(64) }),
    foreign: (w) => ({ tailoringId: w.tailoringIdA, acceptedChangeIds: [], baseHash: "0".repeat(64) }),
  },
};
