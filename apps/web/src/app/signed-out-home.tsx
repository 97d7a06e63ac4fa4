import { Link } from "react-router";
import { PublicLayout } from "../auth/public-layout";

const capabilities = [
  {
    title: "Ask",
    text: "Ask a résumé questions in plain words — by typing or by voice — and get answers that point to the lines they came from.",
  },
  {
    title: "Match",
    text: "Paste a job posting and see how well each person fits: what is met, what is partly met and what is missing, with the evidence.",
  },
  {
    title: "Map",
    text: "Bring HR spreadsheets in and out (CSV, Excel, JSON, XML) with every column mapped and every row accounted for.",
  },
] as const;

/**
 * What a signed-out visitor sees at the site root: what Vitae does, and the way in. Every other page
 * still sends them to sign-in and back.
 */
export function SignedOutHome() {
  return (
    <PublicLayout>
      <section aria-labelledby="landing-title" className="landing" data-testid="signed-out-home">
        <h1 id="landing-title">Résumés you can ask, match and map</h1>
        <p className="lead">
          Upload résumés and Vitae reads each into a profile you can check and correct — then your team can
          question it, score it against a job and move it between HR systems.
        </p>
        <p className="landing-actions">
          <Link to="/sign-up" className="button button-primary">
            Create an account
          </Link>
          <Link to="/sign-in" className="button">
            Sign in
          </Link>
        </p>
        <ul className="card-list landing-capabilities">
          {capabilities.map((capability) => (
            <li key={capability.title} className="card">
              <h2 className="card-title">{capability.title}</h2>
              <p>{capability.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </PublicLayout>
  );
}
