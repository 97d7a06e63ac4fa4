import { describe, expect, it } from "vitest";
import { profileFactLabels } from "./fact-labels";

describe("profileFactLabels", () => {
  it("names every fact the way the profile page shows it", () => {
    const labels = profileFactLabels({
      id: "p",
      experiences: [{ id: "e1", title: "Senior Data Engineer", company: "Brightline Health" }],
      education: [{ id: "ed1", school: "University of Illinois" }],
      projects: [{ id: "pr1", name: "Lakehouse" }],
      skills: [{ id: "k1", name: "Snowflake" }],
    });
    expect(labels.get("e1")).toBe("Senior Data Engineer at Brightline Health");
    expect(labels.get("ed1")).toBe("University of Illinois");
    expect(labels.get("pr1")).toBe("Lakehouse");
    expect(labels.get("k1")).toBe("Snowflake");
    expect(labels.get("p:summary")).toBe("Summary");
    expect(labels.get("p:contact")).toBe("Contact details");
  });
});
