import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type ApiDocument, apiCalls } from "./api-calls";
import { uploadResume, useProductSession } from "./product-session";

// Someone else's save makes the second undo conflict on purpose: Chromium logs the 409 as a console error.
const expectedConsoleError = /Failed to load resource: the server responded with a status of 409/;

const widths = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
] as const;

/** Edits the headline in place and saves it. */
async function saveHeadline(page: Page, text: string): Promise<void> {
  const headline = page.getByTestId("profile-headline");
  await headline.getByRole("button", { name: "Edit headline" }).click();
  await headline.getByLabel("headline").fill(text);
  await headline.getByRole("button", { name: "Save" }).click();
  await headline.getByText(text).waitFor();
}

describe("undo after save on the profile page (embedded product in Chromium)", () => {
  const session = useProductSession();

  it("edits, saves, undoes from the keyboard and sees the old value after a reload, at 390 and 1440 px", async () => {
    const baseUrl = session.baseUrl();
    const { page } = await session.signUpAndOpenPage({ ignoreConsole: expectedConsoleError });
    const api = apiCalls(session.browser().context, baseUrl);
    await uploadResume(page, baseUrl);
    const [document] = (await api.query<{ items: ApiDocument[] }>("documents.list", { limit: 10 })).items;
    const profileId = document?.profileId ?? "";
    const original = (await api.query<{ headline: string }>("profiles.byId", { profileId })).headline;

    for (const viewport of widths) {
      await page.setViewportSize(viewport);
      await page.goto(`${baseUrl}/profiles/${profileId}`);
      const edited = `Edited at ${viewport.width} px`;
      await saveHeadline(page, edited);

      // The notice is announced (polite live region) and its button is reached from the keyboard.
      const status = page.getByTestId("profile-save-status");
      expect(await status.getAttribute("aria-live")).toBe("polite");
      const notice = status.getByTestId("saved-notice");
      await notice.waitFor();
      expect(await notice.textContent()).toContain("Saved the headline");
      const undo = notice.getByRole("button", { name: "Undo" });
      await undo.focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("profile-headline").getByText(original).waitFor();
      await status.getByText("Undone.").waitFor();

      await page.reload();
      await page.getByTestId("profile-headline").getByText(original).waitFor();
      expect(await page.getByTestId("profile-headline").textContent()).not.toContain(edited);
    }

    // An undo after someone else's later save is refused in words and leaves their edit in place.
    await saveHeadline(page, "Mine");
    await api.mutate("profiles.update", { profileId, patch: { headline: "Theirs" } });
    await page.getByTestId("undo-change").click();
    const refused = page.getByTestId("undo-error");
    await refused.waitFor();
    expect(await refused.textContent()).toContain("This profile was changed after that save");
    await page.getByTestId("profile-headline").getByText("Theirs").waitFor();
    await page.reload();
    await page.getByTestId("profile-headline").getByText("Theirs").waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
