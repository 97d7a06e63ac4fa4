import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { App, createAppClients } from "./app/app";
import { applyThemeChoice, browserStorage, readThemeChoice } from "./theme/theme-preference";
import "./theme/tokens.css";
import "./styles.css";
import "./tables.css";
import "./feedback.css";
import "./menus.css";
import "./forms.css";

// Before the first render, so a remembered theme never flashes the other one.
applyThemeChoice(document.documentElement, readThemeChoice(browserStorage()));

const container = document.getElementById("root");
if (container === null) throw new Error("index.html must contain an element with id 'root'.");

// Evaluating the app's modules is one task; creating the router (whose first call compiles much of
// react-router) and rendering wait for the next, so neither holds the main thread long (Lighthouse's TBT).
// Not a top-level await, which would make the bundler split the entry's modules into many small chunks.
setTimeout(() => {
  // Before the first render, so the session check and the page's code start before React has rendered.
  const clients = createAppClients();
  // A transition, which React renders in slices, so the first render is not one long task either.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <App clients={clients} />
      </StrictMode>,
    );
  });
}, 0);
