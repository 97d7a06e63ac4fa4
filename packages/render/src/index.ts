export { renderDocx } from "./docx/render-docx";
export { renderHtml, resumeHtmlCsp } from "./html/render-html";
export { allowedLinkSchemes, type SafeUrl, toSafeUrl } from "./links";
export {
  type ResumeEducation,
  type ResumeExperience,
  type ResumeLink,
  type ResumeModel,
  type ResumeProfile,
  type ResumeProject,
  type ResumeSkillGroup,
  toResumeModel,
} from "./model";
export { type PdfOptions, renderPdf } from "./pdf/render-pdf";
export { type ResumeTemplate, resumeTemplates } from "./templates";
