export { findTechnologies, technologyNames } from "./find-technologies";
export { normalizeTechnology, technologiesInFamily } from "./normalize-technology";
export { allTechnologies } from "./registry";
export {
  type Technology,
  type TechnologyCategory,
  type TechnologyFamily,
  type TechnologyMention,
  technologyCategories,
  technologyFamilies,
} from "./types";
