import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { canManageApiKeys } from "../auth/permissions";
import { isScope, scopeDescriptions } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { ConfirmDialog } from "../lib/confirm-dialog";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatDate, formatDateTime, isoDateTime } from "../lib/format";
import { useTRPC } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";
import { type CreatedKey, CreateKeyForm } from "./create-key-form";
import { apiKeyStatus, apiKeyStatusLabels, keyHint } from "./key-status";
import { NewKeyDialog } from "./new-key-dialog";
import { describeKeyScopes } from "./scope-presets";

type ApiKey = RouterOutputs["apiKeys"]["list"][number];

/** The workspace's API keys: create (secret shown once), list, and revoke with confirmation. */
export function ApiKeysPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useSession();
  const canManage = canManageApiKeys(roleOf(me));
  const list = useQuery(trpc.apiKeys.list.queryOptions());
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [status, setStatus] = useState("");

  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        setStatus(`The key “${revoking?.name ?? ""}” was revoked. Requests using it are now refused.`);
        setRevoking(null);
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  return (
    <section aria-labelledby="api-keys-title" data-testid="api-keys-page">
      <h1 id="api-keys-title">API keys</h1>
      <p className="lead">Keys let scripts and integrations call Vitae on behalf of this workspace.</p>
      {canManage ? <CreateKeyForm onCreated={setCreated} /> : null}
      <section className="panel" aria-labelledby="key-list-title" aria-busy={list.isPending}>
        <h2 id="key-list-title">Keys</h2>
        <p className="muted" aria-live="polite" data-testid="api-keys-status">
          {status}
        </p>
        {list.isPending ? (
          <p className="muted" role="status">
            Loading keys…
          </p>
        ) : null}
        {list.isError ? (
          <ErrorNotice title="The keys could not be loaded." summary={describeError(list.error)} />
        ) : null}
        {list.data !== undefined && list.data.length === 0 ? <p>No keys yet.</p> : null}
        {list.data !== undefined && list.data.length > 0 ? (
          <table className="data-table data-table-stack" data-testid="api-keys-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Permissions</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((key) => {
                const state = apiKeyStatus(key);
                return (
                  <tr key={key.id} data-testid={`api-key-${key.name}`}>
                    <th scope="row">{key.name}</th>
                    <td data-label="Key">
                      <code>{keyHint(key.prefix)}</code>
                    </td>
                    <td data-label="Permissions" data-testid="api-key-scopes">
                      <details className="scope-details">
                        <summary>{describeKeyScopes(key.scopes)}</summary>
                        <ul>
                          {key.scopes.map((scope) => (
                            <li key={scope}>{isScope(scope) ? scopeDescriptions[scope] : scope}</li>
                          ))}
                        </ul>
                      </details>
                    </td>
                    <td data-label="Created">
                      <time dateTime={isoDateTime(key.createdAt)}>{formatDate(key.createdAt)}</time>
                    </td>
                    <td data-label="Expires">
                      {key.expiresAt === null ? "Never" : formatDate(key.expiresAt)}
                    </td>
                    <td data-label="Last used">
                      {key.lastUsedAt === null ? "Never" : formatDateTime(key.lastUsedAt)}
                    </td>
                    <td data-label="State">
                      <span
                        className={`badge ${state === "active" ? "badge-up" : "badge-down"}`}
                        data-testid="api-key-state"
                      >
                        {apiKeyStatusLabels[state]}
                      </span>
                    </td>
                    {canManage ? (
                      <td>
                        {state === "revoked" ? null : (
                          <button
                            type="button"
                            className="button button-small button-danger-outline"
                            onClick={() => {
                              revoke.reset();
                              setRevoking(key);
                            }}
                            data-testid="revoke-key"
                          >
                            Revoke<span className="visually-hidden"> {key.name}</span>
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>
      {revoking !== null ? (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          isPending={revoke.isPending}
          error={revoke.isError ? describeError(revoke.error) : null}
          onConfirm={() => revoke.mutate({ apiKeyId: revoking.id })}
          onCancel={() => setRevoking(null)}
          testId="confirm-revoke"
        >
          <p>
            Anything using <code>{keyHint(revoking.prefix)}</code> stops working at once. This cannot be
            undone; you would have to create a new key.
          </p>
        </ConfirmDialog>
      ) : null}
      {created !== null ? (
        <NewKeyDialog name={created.name} secret={created.secret} onClose={() => setCreated(null)} />
      ) : null}
    </section>
  );
}
