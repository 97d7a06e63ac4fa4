import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiCalls } from "./api-calls";
import { checkLayouts } from "./layout";
import { ingestTimeoutMs, resumeFixture, useProductSession } from "./product-session";

const fixtureFile = (name: string) =>
  fileURLToPath(new URL(`../../../packages/documents/fixtures/resumes/${name}`, import.meta.url));

/** Uploads files on the Documents page and waits until each row is ready. */
async function uploadAll(page: Page, files: Array<{ name: string; mimeType: string; path: string }>) {
  await page.getByTestId("file-input").setInputFiles(
    await Promise.all(
      files.map(async (file) => ({
        name: file.name,
        mimeType: file.mimeType,
        buffer: await readFile(file.path),
      })),
    ),
  );
  for (const file of files) {
    await rowOf(page, file.name)
      .locator('[data-testid="document-status"][data-status="ready"]')
      .waitFor({ timeout: ingestTimeoutMs });
  }
}

/** The row of file `name` (exactly: a duplicate warning names the other file). */
function rowOf(page: Page, name: string) {
  return page.getByTestId("document-row").filter({ has: page.locator(".document-name", { hasText: name }) });
}

/** The rows the list shows, as "person | file" lines. */
async function shownPeople(page: Page): Promise<string[]> {
  return page
    .getByTestId("document-row")
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('[data-testid="document-person"]')?.textContent ?? ""} | ${row.querySelector(".document-name")?.textContent ?? ""}`,
      ),
    );
}

describe("review what was parsed, and people not files (embedded product in Chromium)", () => {
  const session = useProductSession();

  it("lists people with their role, searches and filters them, and warns of the same person twice", async () => {
    const { page } = await session.signUpAndOpenPage();
    await page.goto(`${session.baseUrl()}/documents`);
    await uploadAll(page, [
      { name: resumeFixture.filename, mimeType: "application/pdf", path: resumeFixture.path },
      {
        name: "ana-souza.docx",
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        path: fixtureFile("ana-souza.docx"),
      },
      { name: "marcus-lee.txt", mimeType: "text/plain", path: fixtureFile("marcus-lee.txt") },
    ]);

    const marcusPdf = rowOf(page, resumeFixture.filename);
    expect(await marcusPdf.getByTestId("document-person").textContent()).toBe("Marcus Lee");
    expect(await marcusPdf.getByTestId("document-role").textContent()).toBe(
      "Senior Data Engineer at Brightline Health",
    );
    // One of the two Marcus uploads names the other; the email is the same.
    const warnings = await page.getByTestId("document-duplicate").allTextContents();
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.join(" ")).toMatch(
      /Possibly the same person as “marcus-lee\.(pdf|txt)”: the email address is the same\./,
    );
    await checkLayouts(page, "people");

    const search = page.getByTestId("people-search");
    await search.fill("Souza");
    await expect.poll(() => shownPeople(page)).toEqual(["Ana Souza | ana-souza.docx"]);
    await search.fill("airflow");
    await expect
      .poll(async () => (await shownPeople(page)).sort())
      .toEqual(["Marcus Lee | marcus-lee.pdf", "Marcus Lee | marcus-lee.txt"]);
    await page.getByTestId("kind-filter").selectOption("text");
    await expect.poll(() => shownPeople(page)).toEqual(["Marcus Lee | marcus-lee.txt"]);
    await page.getByTestId("kind-filter").selectOption("");
    await page.getByTestId("status-filter").selectOption("failed");
    await page.getByTestId("documents-no-match").waitFor();
    await checkLayouts(page, "people-no-match");
    await page.getByTestId("status-filter").selectOption("");
    await search.fill("");
    await expect.poll(async () => (await shownPeople(page)).length).toBe(3);
    expect(session.pageErrors).toEqual([]);
  });

  it("reviews a profile beside its PDF: highlights source lines, fixes a flagged role in one click, undoes, checks dates", async () => {
    const { page } = await session.signUpAndOpenPage();
    const api = apiCalls(session.browser().context, session.baseUrl());
    await page.goto(`${session.baseUrl()}/documents`);
    await uploadAll(page, [
      { name: resumeFixture.filename, mimeType: "application/pdf", path: resumeFixture.path },
    ]);
    const [document] = await api.listDocuments();
    const profileId = document?.profileId ?? "";
    type Profile = { experiences: Array<{ id: string; title: string; company: string }> };
    const profile = await api.query<Profile>("profiles.byId", { profileId });
    const first = profile.experiences[0];
    if (first === undefined) throw new Error("the fixture has no role");
    // A parse that put the title where the company goes: the review flags it.
    await api.mutate("profiles.update", {
      profileId,
      patch: { experiences: [{ id: first.id, title: first.company, company: first.title }] },
    });

    await page.goto(`${session.baseUrl()}/profiles/${profileId}`);
    await page.getByTestId("review-profile").click();
    await page.getByTestId("review-view").waitFor();
    await page.getByTestId("source-pane").waitFor();
    await expect.poll(() => page.title()).toBe("Marcus Lee · Profile · Vitae");

    // The field in focus lights up the line it came from.
    const role = page.getByTestId("review-role").first();
    await role.getByLabel("Title").focus();
    await page.getByTestId("source-line-highlighted").first().waitFor();
    expect((await page.getByTestId("source-line-highlighted").allTextContents()).join(" ")).toContain(
      "Brightline Health",
    );
    const skill = page.getByTestId("review-skills").locator(".chip").first();
    const written = (await skill.getAttribute("data-source")) ?? "";
    await skill.hover();
    await expect
      .poll(async () =>
        (await page.getByTestId("source-line-highlighted").allTextContents()).join(" ").toLowerCase(),
      )
      .toContain(written.toLowerCase());

    // The flag and its one-click fix, then undo.
    const flag = page.getByTestId("review-flag").filter({ hasText: "reads like a job title" });
    await flag.getByRole("button", { name: "Swap title and company" }).click();
    await flag.waitFor({ state: "detached" });
    expect(await role.getByLabel("Title").inputValue()).toBe(first.title);
    await checkLayouts(page, "review");
    await page.getByTestId("undo-change").click();
    await flag.waitFor();
    expect(await role.getByLabel("Company").inputValue()).toBe(first.title);
    await flag.getByRole("button", { name: "Swap title and company" }).click();
    await flag.waitFor({ state: "detached" });

    // Dates are checked before anything is sent, and by the server too.
    const nextYear = `${new Date().getUTCFullYear() + 1}-02`;
    await role.getByLabel("Start").fill(nextYear);
    await role.getByRole("button", { name: "Save role" }).click();
    expect(await role.getByRole("alert").textContent()).toBe("The start cannot be in the future.");
    const refused = await api
      .mutate("profiles.update", {
        profileId,
        patch: { experiences: [{ id: first.id, start: nextYear, end: "present" }] },
      })
      .then(
        () => "saved",
        (error: Error) => error.message,
      );
    expect(refused).toContain("The start cannot be in the future.");

    // A skill added by hand, then undone.
    await page.getByTestId("review-skills").getByLabel("Add a skill").fill("Terraform");
    await page.getByTestId("review-skills").getByRole("button", { name: "Add", exact: true }).click();
    await page.getByTestId("review-skills").getByText("Terraform").waitFor();
    await page.getByTestId("undo-change").click();
    await page.getByTestId("review-skills").getByText("Terraform").waitFor({ state: "detached" });

    // The PDF's pages, drawn in the browser.
    await page.getByTestId("toggle-pdf-pages").click();
    const canvas = page.getByTestId("pdf-page-list").locator("canvas").first();
    await canvas.waitFor();
    expect(await canvas.evaluate((element) => (element as HTMLCanvasElement).width)).toBeGreaterThan(100);

    // On a phone the original and the fields take turns.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.getByTestId("source-pane").isVisible()).toBe(false);
    await page.getByTestId("show-original").click();
    expect(await page.getByTestId("source-pane").isVisible()).toBe(true);
    await checkLayouts(page, "review-original");
    expect(session.pageErrors).toEqual([]);
  });
});
