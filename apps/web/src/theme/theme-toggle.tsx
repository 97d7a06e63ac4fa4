import { useState } from "react";
import { browserStorage, readThemeChoice, saveThemeChoice, type ThemeChoice } from "./theme-preference";

const labels: Record<ThemeChoice, string> = { system: "Match device", light: "Light", dark: "Dark" };

/**
 * The appearance picker in the account menu: three radio buttons (the device's setting, light, dark).
 * The choice applies at once and is remembered on this browser only.
 */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(browserStorage()));

  function choose(next: ThemeChoice) {
    setChoice(next);
    saveThemeChoice(browserStorage(), document.documentElement, next);
  }

  return (
    <fieldset className="theme-toggle" data-testid="theme-toggle">
      <legend>Appearance</legend>
      {(Object.keys(labels) as ThemeChoice[]).map((option) => (
        <label key={option} className="theme-option">
          <input
            type="radio"
            name="theme"
            value={option}
            checked={choice === option}
            onChange={() => choose(option)}
            data-testid={`theme-${option}`}
          />
          {labels[option]}
        </label>
      ))}
    </fieldset>
  );
}
