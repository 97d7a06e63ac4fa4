import { describeError } from "../lib/describe-error";
import type { ShareLink } from "./share-links-api";
import { useUpdateShareLink } from "./share-links-api";

/** A link's contact-details setting, with the button that flips it (takes effect on the next question). */
export function ContactVisibilityCell({ link, name }: { link: ShareLink; name: string }) {
  const update = useUpdateShareLink();
  const isRevoked = link.revokedAt !== null;
  return (
    <td data-label="Contact details" data-testid="share-link-contact" data-show-contact={link.showContact}>
      {link.showContact ? "Shown" : "Hidden"}
      {isRevoked ? null : (
        <>
          {" "}
          <button
            type="button"
            className="button button-small"
            disabled={update.isPending}
            onClick={() => update.mutate({ shareLinkId: link.id, showContact: !link.showContact })}
            data-testid="toggle-share-link-contact"
          >
            {link.showContact ? "Hide" : "Show"}
            <span className="visually-hidden"> contact details on {name}</span>
          </button>
        </>
      )}
      {update.isError ? (
        <p className="field-error" role="alert">
          {describeError(update.error).message}
        </p>
      ) : null}
    </td>
  );
}
