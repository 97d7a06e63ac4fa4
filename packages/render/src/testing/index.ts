/**
 * `@vitae/render/testing`: the XSS corpus, profiles for round trips, and inspectors for exported PDFs and
 * DOCX files, for other packages' tests (e.g. the export job and download route). Not for production code.
 */
export { docxBodyXml, docxExternalTargets, pdfGlyphs, pdfLinks, pdfPages } from "./inspect";
export { germanProfile, roundTripProfiles } from "./profiles";
export { allowedProtocols, hostileProfile, xssPayloads } from "./xss-corpus";
