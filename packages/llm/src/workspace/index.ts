export { checkProviderBaseUrl, isPrivateAddress, type ResolveHost } from "./base-url-guard";
export {
  createKeyEnvelope,
  type KeyEncryptionKeys,
  type KeyEnvelope,
  KeyEnvelopeError,
  type OpenedKey,
} from "./key-envelope";
export {
  type CreateWorkspaceLlmOptions,
  createWorkspaceLlm,
  type StoredWorkspaceProvider,
  type WorkspaceLlm,
  type WorkspaceProviderStore,
} from "./workspace-llm";
