import { Link } from "react-router";

/** Switches the profile page between reading it and reviewing it beside its original (`?review`). */
export function ReviewToggle({ isReviewing }: { isReviewing: boolean }) {
  return isReviewing ? (
    <Link to="?" className="button" data-testid="leave-review">
      Done reviewing
    </Link>
  ) : (
    <Link to="?review" className="button" data-testid="review-profile">
      Review what was parsed
    </Link>
  );
}
