import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { productName } from "../app/sections";
import { copyText } from "../lib/copy-text";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { formatDateTime, isoDateTime } from "../lib/format";
import { useTRPC } from "../trpc/client";
import type { RouterOutputs } from "../trpc/types";

type OutboxMessage = RouterOutputs["outbox"]["list"]["messages"][number];

/**
 * The instance operator's outbox: mail this Vitae would have sent (email-confirmation links) when no
 * SMTP server is configured. The operator passes each link to its recipient — it confirms *their*
 * address, so it is copied, not opened here. Only operators get the list; the server refuses others.
 */
export function OutboxPage() {
  const trpc = useTRPC();
  const outbox = useQuery(trpc.outbox.list.queryOptions());
  const [status, setStatus] = useState("");

  useEffect(() => {
    document.title = `Outbox · ${productName}`;
  }, []);

  async function copyLink(message: OutboxMessage) {
    const isCopied = await copyText(message.link);
    setStatus(
      isCopied
        ? `Link for ${message.toEmail} copied.`
        : `Could not copy automatically. Select the link for ${message.toEmail} and copy it.`,
    );
  }

  const data = outbox.data;
  return (
    <section aria-labelledby="outbox-title" data-testid="outbox-page">
      <h1 id="outbox-title">Outbox</h1>
      <p className="lead">
        Messages held on this machine because no mail server (SMTP) is configured. Pass each link to the
        person it was written for; links stop working after an hour.
      </p>
      {outbox.isPending ? (
        <p className="muted" role="status">
          Loading the outbox…
        </p>
      ) : null}
      {outbox.isError ? (
        <ErrorNotice title="The outbox could not be loaded." summary={describeError(outbox.error)} />
      ) : null}
      {data?.delivery === "smtp" ? (
        <p className="muted">Mail is sent through the configured SMTP server; nothing waits here.</p>
      ) : null}
      {data !== undefined && data.delivery === "outbox" && data.messages.length === 0 ? (
        <p className="muted">No messages are waiting.</p>
      ) : null}
      {data !== undefined && data.messages.length > 0 ? (
        <table className="data-table data-table-stack" data-testid="outbox-table">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Written</th>
              <th scope="col">Link</th>
            </tr>
          </thead>
          <tbody>
            {data.messages.map((message) => (
              <tr key={message.id}>
                <th scope="row">{message.toEmail}</th>
                <td data-label="Subject">{message.subject}</td>
                <td data-label="Written">
                  <time dateTime={isoDateTime(message.createdAt)}>{formatDateTime(message.createdAt)}</time>
                </td>
                <td>
                  <code className="outbox-link" data-testid="outbox-link">
                    {message.link}
                  </code>{" "}
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void copyLink(message)}
                  >
                    Copy link<span className="visually-hidden"> for {message.toEmail}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
