import { describe, expect, it } from "vitest";
import { signUpWithWorkspace } from "./accounts";
import { launchBrowser } from "./browser";
import { checkLayouts } from "./layout";
import { useProductSession } from "./product-session";

/**
 * Operations → Queues: the first account operates a fresh instance and reaches the page from the account
 * menu; anyone else is refused by the server. Failed runs and their retry/discard are covered against
 * the real API in apps/api/test/operations-queues.int.test.ts (the product offers no way to make a job
 * fail on demand).
 */
describe("Operations → Queues for the instance's operators (embedded product in Chromium)", () => {
  const session = useProductSession();

  it("shows the operator every queue's counts and the failed jobs, at phone and desktop widths", async () => {
    const { page } = await session.signUpAndOpenPage();
    await page.goto(session.baseUrl());
    await page.getByTestId("user-menu-toggle").click();
    await page.getByTestId("nav-queues").click();
    await page.waitForURL(/\/operations\/queues$/);
    const counts = page.getByTestId("queue-counts");
    await counts.waitFor();
    expect(await page.title()).toBe("Queues · Vitae");
    const names = await counts.getByRole("rowheader").allTextContents();
    expect(names).toEqual(expect.arrayContaining(["System", "Documents", "Maintenance"]));
    expect(await counts.getByRole("columnheader").allTextContents()).toEqual([
      "Queue",
      "Waiting",
      "Running",
      "Scheduled",
      "Failed",
    ]);
    await page.getByRole("heading", { name: "Failed jobs" }).waitFor();
    await page.getByText("No job has failed recently.").waitFor();
    await page.getByTestId("user-menu-toggle").click();
    await checkLayouts(page, "operations-queues");
    expect(session.pageErrors).toEqual([]);
  });

  it("refuses someone who does not operate the instance, and offers them no link", async () => {
    const other = await launchBrowser();
    try {
      await signUpWithWorkspace(other.context, session.baseUrl());
      const page = await other.context.newPage();
      await page.goto(`${session.baseUrl()}/operations/queues`);
      await page.getByText("The queues could not be loaded.").waitFor();
      expect(await page.getByTestId("queue-counts").count()).toBe(0);
      await page.getByTestId("user-menu-toggle").click();
      await page.getByText("Sign out").waitFor();
      expect(await page.getByTestId("nav-queues").count()).toBe(0);
      await page.getByTestId("user-menu-toggle").click();
      await checkLayouts(page, "operations-queues-refused");
    } finally {
      await other.close();
    }
  });
});
