import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { type ApiDocument, apiCalls } from "./api-calls";
import { checkLayouts } from "./layout";
import { uploadResume, useProductSession } from "./product-session";

const jobTimeoutMs = 60_000;

// Marcus Lee (the fixture) has Python, SQL, Airflow, Snowflake and Kafka; Kubernetes he has not.
const postingText = ["Requirements", "- Kafka streaming", "- Snowflake", "- Kubernetes", ""].join("\n");

type Tailoring = { id: string; status: string; baseHash: string; changes: { id: string; path: string }[] };
type Profile = { source: string; skills: { name: string }[]; sectionOrder: string[] | null };

const sectionTestIds = ["experiences", "skills", "education", "projects"].map((name) =>
  name === "experiences" ? "profile-experience" : `profile-${name}`,
);

describe("Profile versions: a tailored version says what it was tailored for and shows its skill order", () => {
  const session = useProductSession();

  it("labels the version, links it to its parent and back, and lists skills in the tailored order", async () => {
    const baseUrl = session.baseUrl();
    const { page } = await session.signUpAndOpenPage();
    const api = apiCalls(session.browser().context, baseUrl);
    await uploadResume(page, baseUrl);
    const [document] = (await api.query<{ items: ApiDocument[] }>("documents.list", { limit: 10 })).items;
    const parentId = document?.profileId ?? "";
    expect(parentId).not.toBe("");

    // Arranged through the API (the tailor flow has its own spec): propose, wait, confirm every change.
    const { postingId } = await api.mutate<{ postingId: string }>("postings.create", {
      text: postingText,
      title: "Streaming Engineer",
      company: "Northwind",
    });
    const { tailoringId } = await api.mutate<{ tailoringId: string }>("tailoring.propose", {
      profileId: parentId,
      postingId,
    });
    let tailoring = await api.query<Tailoring>("tailoring.byId", { tailoringId });
    for (const started = Date.now(); tailoring.status !== "ready"; ) {
      expect(Date.now() - started).toBeLessThan(jobTimeoutMs);
      await delay(250);
      tailoring = await api.query<Tailoring>("tailoring.byId", { tailoringId });
    }
    expect(tailoring.changes.some((change) => change.path === "skills")).toBe(true);
    const confirmed = await api.mutate<{ profileId: string }>("tailoring.confirm", {
      tailoringId,
      acceptedChangeIds: tailoring.changes.map((change) => change.id),
      baseHash: tailoring.baseHash,
    });
    const version = await api.query<Profile>("profiles.byId", { profileId: confirmed.profileId });
    expect(version.source).toBe("tailored");

    // The version: labelled, linked to its posting and its parent, skills in the order tailoring chose.
    await page.goto(`${baseUrl}/profiles/${confirmed.profileId}`);
    const label = page.getByTestId("tailored-for");
    await label.waitFor();
    expect(await label.textContent()).toBe("Tailored for Streaming Engineer at Northwind");
    const chips = page.getByTestId("tailored-skill-order").locator("li");
    const shown = await chips.allTextContents();
    expect(shown).toEqual(version.skills.map((skill) => skill.name));
    // Tailoring put what the posting asks for first.
    expect(shown.slice(0, 2).sort()).toEqual(["Apache Kafka", "Snowflake"]);
    // The sections follow the order tailoring chose.
    const sectionsShown = await page.evaluate(
      (ids) =>
        [...window.document.querySelectorAll<HTMLElement>("[data-testid]")]
          .map((element) => element.dataset.testid ?? "")
          .filter((id) => ids.includes(id)),
      sectionTestIds,
    );
    const expectedOrder = (version.sectionOrder ?? [])
      .map((name) => (name === "experiences" ? "profile-experience" : `profile-${name}`))
      .filter((id) => sectionTestIds.includes(id));
    expect(sectionsShown).toEqual(expectedOrder);
    await checkLayouts(page, "profile-tailored-version");

    // To the parent, which is not labelled, groups its skills as before and links back to the version.
    await page.getByTestId("parent-version").click();
    await page.waitForURL((url) => url.pathname.endsWith(parentId));
    const versions = page.getByTestId("tailored-versions");
    await versions.waitFor();
    expect(await page.getByTestId("tailored-version").count()).toBe(0);
    expect(await page.getByTestId("tailored-skill-order").count()).toBe(0);
    expect(await page.getByTestId("profile-skills").locator(".skill-group").count()).toBeGreaterThan(1);
    expect(await versions.getByTestId("tailored-version-link").allTextContents()).toEqual([
      "Tailored for Streaming Engineer at Northwind",
    ]);
    await checkLayouts(page, "profile-with-versions");
    await versions.getByTestId("tailored-version-link").click();
    await page.waitForURL((url) => url.pathname.endsWith(confirmed.profileId));
    await page.getByTestId("tailored-for").waitFor();

    expect(session.pageErrors).toEqual([]);
  });
});
