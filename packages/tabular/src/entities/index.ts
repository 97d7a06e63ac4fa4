import { TabularError } from "../errors";
import { candidateEntity } from "./candidate";
import { departmentEntity } from "./department";
import { employeeEntity } from "./employee";
import { positionEntity } from "./position";
import type { EntityDefinition } from "./types";

export {
  aliasLanguages,
  type EntityConstraint,
  type EntityDefinition,
  entitySchema,
  type FieldDefinition,
  type FieldType,
  fieldSchema,
  fieldTypes,
} from "./types";
export { candidateEntity, departmentEntity, employeeEntity, positionEntity };

/** The closed list of target entity names (the API's `entity` input). */
export const entityNames = ["employee", "candidate", "position", "department"] as const;
export type EntityName = (typeof entityNames)[number];

const registry: Readonly<Record<EntityName, EntityDefinition>> = Object.freeze({
  employee: employeeEntity,
  candidate: candidateEntity,
  position: positionEntity,
  department: departmentEntity,
});

/** The entity definition by name; throws `UNKNOWN_ENTITY` for anything outside `entityNames`. */
export function getEntity(name: string): EntityDefinition {
  if (!Object.hasOwn(registry, name)) throw new TabularError("UNKNOWN_ENTITY");
  return registry[name as EntityName];
}
