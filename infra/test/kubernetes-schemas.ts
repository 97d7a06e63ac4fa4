import { ScaledObject, TriggerAuthentication } from "@kubernetes-models/keda/keda.sh/v1alpha1";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Service, ServiceAccount } from "kubernetes-models/v1";
import type { RenderedObject } from "./kustomize";

interface Validatable {
  validate(): void;
}

/** The object kinds the manifests may contain, each with its offline OpenAPI schema validator. */
const models: Record<string, new (data: never) => Validatable> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "keda.sh/v1alpha1/ScaledObject": ScaledObject,
  "keda.sh/v1alpha1/TriggerAuthentication": TriggerAuthentication,
};

/**
 * Validates one object against the Kubernetes (or KEDA) schema of its apiVersion and kind; throws with
 * the object's name and the schema's complaint. An unknown kind is an error too: it could not be checked.
 */
export function validateObject(object: RenderedObject): void {
  const model = models[`${object.apiVersion}/${object.kind}`];
  if (model === undefined)
    throw new Error(`${object.apiVersion} ${object.kind} has no schema to validate against`);
  try {
    new model(object as never).validate();
  } catch (error) {
    throw new Error(`${object.kind} ${object.metadata.name}: ${(error as Error).message}`);
  }
}
