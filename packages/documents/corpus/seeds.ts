/** Seeds of the corpus and of its dev/test split: changing either is a new corpus, never a tuning step. */
export const corpusSeed = 20261206;
export const splitSeed = 1010;
