import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
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

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
