/** Seeds of the corpus and of its dev/test split: changing either is a new corpus, never a tuning step. */
export const corpusSeed = 20261206;
export const splitSeed = 1010;
/** Seed of the test split's résumés, drawn from the held-out pools (lib/held-out-pools.ts). */
export const heldOutSeed = 20261207;
/** Seed of the dev-only résumés drawn from the second dev pool (lib/variety-pools.ts). */
export const varietySeed = 20261208;
