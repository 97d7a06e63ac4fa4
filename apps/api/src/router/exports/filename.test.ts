import { describe, expect, it } from "vitest";
import { exportFilename } from "./filename";

describe("exportFilename", () => {
  it("folds a name to lower-case ASCII with dashes", () => {
    expect(exportFilename("Jürgen Müller-Weiß", "pdf")).toBe("resume-jurgen-muller-wei.pdf");
    expect(exportFilename("  Ana  de la Cruz ", "docx")).toBe("resume-ana-de-la-cruz.docx");
  });

  it("drops anything that could ride on a header or a path, and falls back without a name", () => {
    expect(exportFilename('evil"\r\nX-Injected: 1/../\u202Etxt.exe', "html")).toBe(
      "resume-evil-x-injected-1-txt-exe.html",
    );
    expect(exportFilename(null, "pdf")).toBe("resume.pdf");
    expect(exportFilename("李小龙", "pdf")).toBe("resume.pdf");
    expect(exportFilename("a".repeat(200), "pdf")).toBe(`resume-${"a".repeat(60)}.pdf`);
  });
});
