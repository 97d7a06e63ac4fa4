import type { Profile } from "@vitae/documents/profile";

const run = "window.__xss=1";

/**
 * Hostile strings for every profile field. Each one, if it ever executed, would set `window.__xss` or
 * open a dialog; each link-shaped one names a scheme that must never become a live link.
 */
export const xssPayloads: readonly string[] = [
  `<script>${run}</script>`,
  `<SCRIPT>${run}</SCRIPT>`,
  `<script src=data:,${run}></script>`,
  `<img src=x onerror="${run}">`,
  `<img src=x onerror=alert(1)>`,
  `<svg onload=${run}>`,
  `<svg><script>${run}</script></svg>`,
  `<svg><a xlink:href="javascript:${run}"><text y="20">x</text></a></svg>`,
  `<svg><animate onbegin=${run} attributeName=x dur=1s>`,
  `<body onload=${run}>`,
  `<details open ontoggle=${run}>`,
  `<input autofocus onfocus=${run}>`,
  `<video><source onerror="${run}">`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<object data="javascript:${run}"></object>`,
  `<embed src="javascript:${run}">`,
  `<a href="javascript:${run}">click</a>`,
  `<form action="javascript:${run}"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${run}">`,
  `<base href="javascript:/">`,
  `"><script>${run}</script>`,
  `'><img src=x onerror=${run}>`,
  `" onmouseover="${run}" x="`,
  `' autofocus onfocus='${run}`,
  `\` onfocus=${run} \``,
  `</style><script>${run}</script>`,
  `</title><script>${run}</script>`,
  `</textarea><script>${run}</script>`,
  `<style>@import 'javascript:${run}';</style>`,
  `<div style="background:url(javascript:${run})">x</div>`,
  `{{constructor.constructor('${run}')()}}`,
  `\${${run}}`,
  `<%= ${run} %>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${run}>`,
  `<noscript><p title="</noscript><img src=x onerror=${run}>">`,
  `<svg><style><img src=x onerror=${run}></style></svg>`,
  `<!--<img src="--><img src=x onerror=${run}>`,
  `<scr\u0000ipt>${run}</scr\u0000ipt>`,
  `\u0000<script>${run}</script>`,
  `\u202egnp.exe<script>${run}</script>`,
  `&lt;script&gt;${run}&lt;/script&gt;`,
  `&#60;img src=x onerror=${run}&#62;`,
  `%3Cscript%3E${run}%3C/script%3E`,
  `\\u003cscript\\u003e${run}\\u003c/script\\u003e`,
  `javascript:${run}`,
  `JaVaScRiPt:${run}`,
  ` javascript:${run}`,
  `java\tscript:${run}`,
  `java\nscript:${run}`,
  `\u0000javascript:${run}`,
  `&#106;avascript:${run}`,
  `&#x6A;avascript:${run}`,
  `javascript&colon;${run}`,
  `javascript:%77indow.__xss=1`,
  `javascript://%0Aalert(1)`,
  `data:text/html,<script>${run}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==`,
  `DATA:text/html,<script>${run}</script>`,
  `vbscript:msgbox(1)`,
  `VbScRiPt:msgbox(1)`,
  `file:///etc/passwd`,
  `blob:https://example.com/0b3f`,
  `https://bank.example@evil.example/`,
  `https://example.com/"><script>${run}</script>`,
  `mailto:x@example.com"><script>${run}</script>`,
];

/** The schemes a surviving link may have; anything else in an export is a failure. */
export const allowedProtocols = new Set(["http:", "https:", "mailto:"]);

/** A profile with the payload in every text field, every list and every link slot. */
export function hostileProfile(payload: string): Profile {
  return {
    name: payload,
    headline: payload,
    summary: payload,
    contact: {
      email: payload,
      phone: payload,
      location: payload,
      links: [payload, `${payload}.example.com`],
    },
    experiences: [
      {
        company: payload,
        title: payload,
        start: "2020-01",
        end: "present",
        location: payload,
        bullets: [payload, `Shipped ${payload} safely.`],
        technologies: [payload],
      },
    ],
    education: [{ school: payload, degree: payload, field: payload, start: "2010-01", end: "2014-01" }],
    projects: [{ name: payload, description: payload, url: payload, technologies: [payload] }],
    skills: [{ name: payload, category: payload, raw: payload }],
  };
}
