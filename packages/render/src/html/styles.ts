import { type ResumeTemplate, themes } from "../templates";

// Stylesheets are constants: no user text ever reaches CSS (see styleSheet()). System fonts only, so
// the CSP can forbid every fetch.
const base = `
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;line-height:1.4;background:#fff}
.resume{max-width:820px;margin:0 auto;padding:32px 40px}
h1{margin:0}
h2{margin:18px 0 6px}
h3{margin:8px 0 0;font-size:1em}
p{margin:2px 0}
ul{margin:4px 0 8px;padding-left:20px}
li{margin:1px 0}
a{color:inherit}
.meta,.contact{margin:2px 0}
.project{font-weight:bold}
@media print{.resume{padding:0}}
`;

function themed(template: ResumeTemplate): string {
  const theme = themes[template];
  return `
body{color:#${theme.text}}
h1{font-size:${theme.nameSize}pt}
h2{font-size:${theme.headingSize}pt;color:#${theme.accent}}
.meta,.contact{color:#${theme.muted}}
`;
}

const layouts: Readonly<Record<ResumeTemplate, string>> = {
  classic: `
.classic header{border-bottom:1px solid #999;padding-bottom:8px}
.classic h2{border-bottom:1px solid #ccc;letter-spacing:.05em}
`,
  modern: `
.modern{padding:0}
.modern header{background:#${themes.modern.accent};color:#fff;padding:24px 40px}
.modern header .contact{color:#e6f1f5}
.modern .columns{display:grid;grid-template-columns:minmax(0,1fr) 220px;gap:28px;padding:8px 40px 32px}
.modern aside{border-left:3px solid #${themes.modern.accent};padding-left:16px}
.modern h3{color:#${themes.modern.accent}}
@media (max-width:700px){.modern .columns{grid-template-columns:1fr}}
`,
};

/** The whole stylesheet of one template. */
export function stylesFor(template: ResumeTemplate): string {
  return base + themed(template) + layouts[template];
}
