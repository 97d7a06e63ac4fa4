import { describe, expect, it } from "vitest";
import { apiCalls } from "./api-calls";
import { checkLayouts } from "./layout";
import { resumeFixture, uploadResume, useProductSession } from "./product-session";

// Marcus Lee (the fixture) has Python, SQL, Airflow, Snowflake and Kafka; he has no Kubernetes or Rust.
const postingTitle = "Senior Data Engineer";
const postingCompany = "Northwind";
const postingName = `${postingTitle} at ${postingCompany}`;
const postingText = [
  "Senior Data Engineer at Northwind",
  "",
  "Requirements",
  "- 5+ years of experience building data pipelines",
  "- Strong Python and SQL",
  "- Airflow and Snowflake",
  "- Kubernetes in production",
  "",
  "Nice to have",
  "- Kafka streaming",
  "- Rust",
  "",
].join("\n");

describe("Match: postings, highlighted requirements and the explained score (embedded product in Chromium)", () => {
  const session = useProductSession();
  const baseUrl = session.baseUrl;

  it("pastes a posting, highlights its requirements, scores the résumé with evidence and deletes the posting", async () => {
    const { page } = await session.signUpAndOpenPage();
    const api = apiCalls(session.browser().context, baseUrl());

    // The résumé becomes the workspace's one profile.
    await uploadResume(page, baseUrl());

    // Paste the posting from the Postings section.
    await page.getByRole("navigation").getByRole("link", { name: "Postings" }).click();
    await page.getByTestId("postings-page").waitFor();
    await page.getByTestId("postings-empty").waitFor();
    await checkLayouts(page, "postings-empty");
    await page.getByLabel("Job title (optional)").fill(postingTitle);
    await page.getByLabel("Company (optional)").fill(postingCompany);
    await page.getByLabel("Job posting").fill(postingText);
    await page.getByTestId("posting-submit").click();
    await page.waitForURL(/\/posting\/[0-9a-f-]{36}$/);
    const postingId = page.url().split("/").at(-1) ?? "";
    // The title follows the route once the page has loaded.
    await page.waitForFunction(() => document.title === "Posting · Vitae");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(postingName);

    // Each requirement is highlighted at its span: musts and nice-to-haves apart, with a kind label.
    const mark = (text: string) =>
      page.getByTestId("requirement-mark").filter({ hasText: new RegExp(`^${text}$`) });
    await mark("Kubernetes").waitFor();
    expect(await mark("Kubernetes").getAttribute("data-weight")).toBe("must");
    expect(await mark("Rust").getAttribute("data-weight")).toBe("nice");
    expect(await page.getByTestId("posting-text").textContent()).toContain("KubernetesTool in production");
    // The highlights leave the pasted text intact (labels aside).
    const shownText = await page.getByTestId("posting-text").evaluate((element) =>
      [...element.childNodes]
        .filter((node) => !(node instanceof HTMLElement && node.classList.contains("requirement-kind")))
        .map((node) => node.textContent)
        .join(""),
    );
    expect(shownText).toBe(postingText);
    // Focus shows what a highlight stands for, with the canonical technology ("Airflow" → Apache Airflow).
    await mark("Airflow").focus();
    expect(await page.getByTestId("requirement-focus").textContent()).toBe(
      "Must have · Skill · Apache Airflow",
    );
    expect(await page.getByTestId("requirement-item").count()).toBe(8);
    await checkLayouts(page, "posting");

    // Score the profile against it: people are offered by name and role, the file as detail, found by name.
    const choice = page.getByTestId("profile-choice").first();
    expect(await choice.textContent()).toBe(
      `Marcus LeeSenior Data Engineer at Brightline Health${resumeFixture.filename}`,
    );
    await page.getByLabel("Find a person").fill("Nobody Atall");
    await page.getByTestId("profile-picker-none").waitFor();
    await page.getByLabel("Find a person").fill("Marcus");
    await page.getByRole("radio", { name: /Marcus Lee/ }).check();
    await page.getByTestId("match-profile-submit").click();
    await page.waitForURL(new RegExp(`/posting/${postingId}/match/[0-9a-f-]{36}$`));
    const matchUrl = page.url();
    await page.getByTestId("match-score").waitFor();
    const score = Number(await page.locator(".match-score-value").textContent());
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Marcus Lee for ${postingName}`);

    // Missing musts come first, in words; the codes stay out of sight.
    const rows = page.getByTestId("match-row");
    const first = rows.first();
    expect(await first.getAttribute("data-status")).toBe("missing");
    expect(await first.getAttribute("data-weight")).toBe("must");
    expect(await first.textContent()).toContain("Kubernetes");
    expect(await page.getByTestId("missing-musts").textContent()).toContain("Kubernetes");
    // A met requirement shows the profile fact that matched, linked to it on the profile page.
    const python = rows.filter({ has: page.getByRole("rowheader", { name: /^Python/ }) });
    expect(await python.getAttribute("data-status")).toBe("met");
    expect(await python.getByTestId("match-status").textContent()).toBe("Met");
    const evidence = python.getByTestId("match-evidence").getByRole("listitem").first();
    expect(await evidence.textContent()).toMatch(/^“Python” in \S/);
    expect(await python.getByTestId("match-evidence").textContent()).toContain("Skills");
    const source = evidence.getByRole("link").first();
    expect(await source.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await source.getAttribute("href")).toMatch(/^\/profiles\/[0-9a-f-]{36}#fact-/);
    expect(await page.getByTestId("match-breakdown").textContent()).toContain("Must have");
    // The scorer version is for support: behind "Details", not in the reader's way.
    const scorerVersion = page.getByTestId("match-details").locator("code");
    expect(await scorerVersion.isVisible()).toBe(false);
    await page.getByTestId("match-details").getByText("Details").click();
    expect(await scorerVersion.isVisible()).toBe(true);
    await checkLayouts(page, "match");

    // The same view is reachable from the profile page.
    await page.goto(matchUrl.replace(/\/posting\/.*\/match\//, "/profiles/"));
    await page.getByTestId("profile-page").getByRole("heading", { level: 1 }).waitFor();
    await checkLayouts(page, "profile");
    await page.getByTestId("match-profile").click();
    await page.waitForURL(/\/profiles\/[0-9a-f-]{36}\/match$/);
    await checkLayouts(page, "profile-match");
    await page.getByTestId("profile-match-posting").getByRole("link", { name: postingName }).click();
    await page.waitForURL(matchUrl);
    expect(Number(await page.locator(".match-score-value").textContent())).toBe(score);

    // Delete the posting after a confirmation that names it.
    await page.goto(`${baseUrl()}/postings`);
    const row = page.getByTestId("posting-row").filter({ hasText: postingName });
    await checkLayouts(page, "postings");
    await row.getByTestId("delete-posting").click();
    const dialog = page.getByTestId("confirm-delete-posting");
    expect(await dialog.getByRole("heading").textContent()).toBe(`Delete “${postingName}”?`);
    await page.getByTestId("confirm-delete-posting-confirm").click();
    await page.getByTestId("postings-empty").waitFor();
    expect(await page.getByTestId("postings-announcement").textContent()).toBe(
      `“${postingName}” was deleted.`,
    );
    expect((await api.query<{ items: unknown[] }>("postings.list", {})).items).toEqual([]);

    expect(session.pageErrors).toEqual([]);
  });
});
