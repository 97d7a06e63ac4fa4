import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCalls } from "./api-calls";
import { checkLayouts } from "./layout";
import { uploadResume, useProductSession } from "./product-session";

const jobTimeoutMs = 60_000;

// Marcus Lee (the fixture) has Python, SQL, Airflow, Snowflake and Kafka; he has no Kubernetes or Rust.
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

/** Clicks a format button and returns the file the browser saves once the export is ready. */
async function exportAndDownload(page: Page, format: "pdf" | "docx") {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: jobTimeoutMs }),
    page.getByTestId(`export-${format}`).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function scoreShown(page: Page): Promise<number> {
  return Number(await page.locator(".match-score-value").textContent());
}

describe("Match: rank, attest, tailor, confirm a new version and export it (embedded product in Chromium)", () => {
  const session = useProductSession();

  it("ranks the workspace, tailors the best match with some changes kept, survives a changed base and exports the version", async () => {
    const baseUrl = session.baseUrl();
    // A 409 the page explains in words is expected; anything else logged as an error is not.
    const { page } = await session.signUpAndOpenPage({ ignoreConsole: /409/ });
    const api = apiCalls(session.browser().context, baseUrl);
    await uploadResume(page, baseUrl);

    // Paste the posting.
    await page.goto(`${baseUrl}/postings`);
    await page.getByLabel("Job title (optional)").fill("Senior Data Engineer");
    await page.getByLabel("Company (optional)").fill("Northwind");
    await page.getByLabel("Job posting").fill(postingText);
    await page.getByTestId("posting-submit").click();
    await page.waitForURL(/\/posting\/[0-9a-f-]{36}$/);
    const postingId = page.url().split("/").at(-1) ?? "";

    // Rank every profile: progress, then the ranked list with score, name, reasons and what is missing.
    await page.getByTestId("open-ranking").click();
    await page.waitForURL(new RegExp(`/posting/${postingId}/ranking$`));
    await page.getByTestId("ranking-empty").waitFor();
    await checkLayouts(page, "ranking-empty");
    await page.getByTestId("ranking-start").click();
    await page.getByTestId("ranking-done").waitFor({ timeout: jobTimeoutMs });
    expect(await page.getByTestId("ranking-done").textContent()).toBe("1 profile ranked, best first.");
    const row = page.getByTestId("ranking-row");
    expect(await row.count()).toBe(1);
    expect(await row.getByRole("link").textContent()).toBe("Marcus Lee");
    const rankedScore = Number(await row.getByTestId("ranking-score").textContent());
    expect(rankedScore).toBeGreaterThan(0);
    expect(await row.getByTestId("ranking-missing").textContent()).toContain("Kubernetes");
    expect(await row.textContent()).toMatch(/Met: /);
    expect(await page.getByTestId("ranking-next").isDisabled()).toBe(true);
    await checkLayouts(page, "ranking");

    // The row opens the match, with the same score.
    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`/posting/${postingId}/match/[0-9a-f-]{36}$`));
    const profileId = page.url().split("/").at(-1) ?? "";
    await page.getByTestId("match-score").waitFor();
    expect(await scoreShown(page)).toBe(rankedScore);

    // "I have this" records the missing must and the match is scored again, higher.
    const kubernetes = page.getByTestId("missing-must").filter({ hasText: "Kubernetes" });
    await checkLayouts(page, "match-attest");
    await kubernetes.getByTestId("attest-skill").click();
    await page.waitForFunction(
      (before) => Number(document.querySelector(".match-score-value")?.textContent) > before,
      rankedScore,
      { timeout: jobTimeoutMs },
    );
    const attested = await api.query<{ attestations: { skill: string }[] }>("profiles.byId", { profileId });
    expect(attested.attestations.map((entry) => entry.skill)).toEqual(["Kubernetes"]);

    // Tailor: progress, then the proposed changes as diffs, all kept by default.
    await page.getByTestId("tailor-start").click();
    await page.waitForURL(/\/tailoring\/[0-9a-f-]{36}$/);
    const firstTailoringUrl = page.url();
    await page
      .locator('[data-testid="tailoring-page"][data-status="ready"]')
      .waitFor({ timeout: jobTimeoutMs });
    const changes = page.getByTestId("tailor-change");
    await changes.first().waitFor();
    expect(await changes.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid="tailor-change"][data-accepted="true"]').count()).toBe(
      await changes.count(),
    );
    // Each change reads as words: where, why, before and after, never an id.
    const first = changes.first();
    expect(await first.locator(".diff-before").textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await first.locator(".diff-after").textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await first.locator(".change-reason").textContent()).not.toBe("");
    expect(await first.getByTestId("tailor-change-delta").textContent()).toMatch(/points?$|^No change/);
    expect(Number(await page.getByTestId("tailor-score-after").textContent())).toBeGreaterThanOrEqual(
      Number(await page.getByTestId("tailor-score-before").textContent()),
    );
    await checkLayouts(page, "tailoring");

    // The profile changes before the confirmation (another skill recorded): the page says so in words,
    // keeps the code behind Details, and proposes again.
    await api.mutate("profiles.attest", { profileId, skill: "Rust" });
    await page.getByTestId("tailor-confirm").click();
    const conflict = page.getByTestId("tailor-confirm-error");
    await conflict.waitFor();
    expect(await conflict.locator(".notice-title").textContent()).toBe(
      "The profile changed after these changes were proposed.",
    );
    // Confirming the stale proposal again would only fail again.
    expect(await page.getByTestId("tailor-confirm").isDisabled()).toBe(true);
    const code = conflict.locator("details code").first();
    expect(await code.isVisible()).toBe(false);
    await conflict.getByText("Details").click();
    expect(await code.textContent()).toBe("BASE_CHANGED");
    await checkLayouts(page, "tailoring-base-changed");
    await page.getByTestId("tailor-propose-again").click();
    await page.waitForURL(
      (url) => url.href !== firstTailoringUrl && /\/tailoring\/[0-9a-f-]{36}$/.test(url.href),
    );
    await page
      .locator('[data-testid="tailoring-page"][data-status="ready"]')
      .waitFor({ timeout: jobTimeoutMs });
    expect(await page.getByTestId("tailor-confirm-error").count()).toBe(0);

    // Keep some changes: drop the first one. The list shows once the profile it quotes has loaded too
    // (the attestation above made it refetch), so wait for it rather than count at once.
    await page.getByTestId("tailor-change").first().waitFor();
    const proposed = await page.getByTestId("tailor-change").count();
    expect(proposed).toBeGreaterThan(1);
    await page.getByTestId("tailor-change").first().getByTestId("tailor-change-accept").uncheck();
    expect(await page.getByTestId("tailor-change").first().getAttribute("data-accepted")).toBe("false");
    const tailoringId = page.url().split("/").at(-1) ?? "";
    await page.getByTestId("tailor-confirm").click();
    await page.waitForURL(
      (url) => /\/profiles\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(profileId),
    );
    const versionId = page.url().split("/").at(-1) ?? "";
    const tailoring = await api.query<{ status: string; resultProfileId: string; changes: { id: string }[] }>(
      "tailoring.byId",
      { tailoringId },
    );
    expect(tailoring.status).toBe("confirmed");
    expect(tailoring.resultProfileId).toBe(versionId);
    const version = await api.query<{ source: string; parentProfileId: string; name: string }>(
      "profiles.byId",
      {
        profileId: versionId,
      },
    );
    expect(version).toMatchObject({ source: "tailored", parentProfileId: profileId, name: "Marcus Lee" });

    // The new version exports as PDF and DOCX.
    await page.getByTestId("export-panel").waitFor();
    await checkLayouts(page, "tailored-version");
    const pdf = await exportAndDownload(page, "pdf");
    expect(pdf.name).toBe("resume-marcus-lee.pdf");
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const docx = await exportAndDownload(page, "docx");
    expect(docx.name).toBe("resume-marcus-lee.docx");
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await checkLayouts(page, "tailored-exported");

    expect(session.pageErrors).toEqual([]);
  }, 400_000);
});
