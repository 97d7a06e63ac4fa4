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

// Before the first render, so the session check and the page's code start in this task rather than
// after React has rendered once.
const clients = createAppClients();
// A transition, which React renders in slices, so the first render does not hold the main thread in one
// long task before the page can respond (Lighthouse's TBT).
startTransition(() => {
  createRoot(container).render(
    <StrictMode>
      <App clients={clients} />
    </StrictMode>,
  );
});
