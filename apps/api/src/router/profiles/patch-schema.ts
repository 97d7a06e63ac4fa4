import { dateRangeMessages, dateRangeProblem } from "@vitae/contracts";
import { z } from "zod";
import { yearMonthInput } from "../schemas";

const text = (max: number) => z.string().trim().min(1).max(max);
const month = yearMonthInput.nullable().optional();
const endMonth = z
  .union([yearMonthInput, z.literal("present")])
  .nullable()
  .optional();
const ids = z.array(z.uuid()).max(300).optional();
const bullets = z.array(text(2000)).max(100);
const technologies = z.array(text(100)).max(200);

/**
 * Refuses a range given whole in one edit that starts in the future or ends before it starts (the rule of
 * `@vitae/contracts`), naming the field; a range given in part is judged with the stored other end by
 * `updateProfile`.
 */
function checkRange(
  value: { start?: string | null | undefined; end?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  const problem = dateRangeProblem(value.start, value.end);
  if (problem === null) return;
  ctx.addIssue({
    code: "custom",
    path: [problem === "start-in-future" ? "start" : "end"],
    message: dateRangeMessages[problem],
  });
}

const experienceEdit = z
  .strictObject({
    id: z.uuid(),
    company: text(200).optional(),
    title: text(200).optional(),
    start: month,
    end: endMonth,
    location: text(200).nullable().optional(),
    bullets: bullets.optional(),
  })
  .superRefine(checkRange);

const educationEdit = z
  .strictObject({
    id: z.uuid(),
    school: text(200).optional(),
    degree: text(200).nullable().optional(),
    field: text(200).nullable().optional(),
    start: month,
    end: month,
  })
  .superRefine(checkRange);

const projectEdit = z.strictObject({
  id: z.uuid(),
  name: text(200).optional(),
  description: text(4000).nullable().optional(),
  url: text(2000).nullable().optional(),
  technologies: technologies.optional(),
});

const newExperience = z
  .strictObject({
    company: text(200),
    title: text(200),
    start: yearMonthInput.nullable(),
    end: z.union([yearMonthInput, z.literal("present")]).nullable(),
    location: text(200).nullable().optional(),
    bullets: bullets.optional(),
  })
  .superRefine(checkRange);

const newEducation = z
  .strictObject({
    school: text(200),
    degree: text(200).nullable().optional(),
    field: text(200).nullable().optional(),
    start: month,
    end: month,
  })
  .superRefine(checkRange);

/**
 * What `profiles.update` accepts as `patch`: top-level and contact fields (flat), the spoken languages
 * (the whole list), edits and removals of facts by id, a new order per kind (every id of that kind, once)
 * and facts added by hand (after the existing ones).
 */
export const profilePatchSchema = z.strictObject({
  name: text(200).nullable().optional(),
  headline: text(300).nullable().optional(),
  summary: text(5000).nullable().optional(),
  email: z.email().max(320).nullable().optional(),
  phone: text(50).nullable().optional(),
  location: text(200).nullable().optional(),
  languages: z
    .array(z.strictObject({ name: text(100), level: text(100).nullable() }))
    .max(30)
    .optional(),
  experiences: z.array(experienceEdit).max(100).optional(),
  education: z.array(educationEdit).max(30).optional(),
  projects: z.array(projectEdit).max(50).optional(),
  remove: z.strictObject({ experiences: ids, education: ids, projects: ids, skills: ids }).optional(),
  order: z.strictObject({ experiences: ids, education: ids, projects: ids, skills: ids }).optional(),
  add: z
    .strictObject({
      experiences: z.array(newExperience).max(20).optional(),
      education: z.array(newEducation).max(10).optional(),
      projects: z
        .array(
          z.strictObject({
            name: text(200),
            description: text(4000).nullable().optional(),
            url: text(2000).nullable().optional(),
            technologies: technologies.optional(),
          }),
        )
        .max(10)
        .optional(),
      skills: z.array(text(100)).max(50).optional(),
    })
    .optional(),
});
