export { accessControl, organizationRoles } from "./access-control";
export {
  type CreateApiKeyParams,
  type CreatedApiKey,
  createApiKey,
  type GeneratedApiKey,
  generateApiKey,
  hashApiKey,
  parseApiKeyPrefix,
  type VerifiedApiKey,
  verifyApiKey,
} from "./api-keys";
export type { AuthEvent, AuthEventHandler } from "./auth-events";
export { type AuthRoute, authRoutes, findAuthRoute } from "./auth-routes";
export {
  type AuthLogger,
  type CreateAuthOptions,
  createAuth,
  isLocalHttpUrl,
  passwordPolicy,
  type VitaeAuth,
} from "./create-auth";
export {
  createOutboxMailer,
  createSmtpMailer,
  type Mailer,
  type MailMessage,
  type SmtpMailerOptions,
} from "./mailer";
export { type Principal, resolvePrincipal, type SessionReader } from "./principal";
export { createRedisSecondaryStorage } from "./redis-storage";
export * from "./roles";
