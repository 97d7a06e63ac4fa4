import { Link } from "react-router";
import { productName, sections } from "./sections";

export function HomePage() {
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{productName}</h1>
      <p className="lead">
        Vitae turns résumés into something you can talk to, match against jobs, and import or export as HR
        tables.
      </p>
      <h2>Available now</h2>
      <ul className="card-list">
        {sections.map((section) => (
          <li key={section.path} className="card">
            <Link to={`/${section.path}`} className="card-title">
              {section.label}
            </Link>
            <p>{section.summary}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
