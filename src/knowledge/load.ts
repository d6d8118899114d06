/**
 * Loads the curated vocabulary in knowledge/: authority names and aliases, the frameworks'
 * services and judgement areas with their synonyms, and the grade scales. Validated with
 * zod once; a broken file stops start-up with the file's name and the problem.
 */
import { readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { AppError } from "../errors.js";
import type { FrameworkId } from "../types.js";

/** The kinds of English council with children's services (City of London is sui generis). */
export const COUNCIL_TYPES = ["county", "metropolitan borough", "London borough", "unitary", "sui generis"] as const;
/** One kind of council. */
export type CouncilType = (typeof COUNCIL_TYPES)[number];

const AuthoritiesFile = z.object({
  /** The nine English regions and the words people use for them ("the north east", "yorkshire"). */
  regions: z.array(z.object({ name: z.string(), synonyms: z.array(z.string()).min(1) })).default([]),
  /** Words for several regions at once ("the midlands"). */
  regionGroups: z.array(z.object({ name: z.string(), regions: z.array(z.string()).min(1), synonyms: z.array(z.string()).min(1) })).default([]),
  /** Words for each kind of council ("shire counties", "mets", "unitaries"). */
  councilTypes: z.array(z.object({ id: z.enum(COUNCIL_TYPES), name: z.string(), synonyms: z.array(z.string()).min(1) })).default([]),
  authorities: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.string()).default([]),
      region: z.string().optional(),
      /** The kind of council now (or when abolished). */
      type: z.enum(COUNCIL_TYPES).optional(),
      /** A county council until this year, unitary since (North Yorkshire 2023). */
      countyUntil: z.string().optional(),
      abolished: z.string().optional(),
      successors: z.array(z.string()).optional(),
    }),
  ),
});

const Named = z.object({ id: z.string(), name: z.string(), synonyms: z.array(z.string()).min(1) });
const FrameworksFile = z.object({
  frameworks: z.array(
    z.object({
      id: z.enum(["SLAC", "LAC", "SIF", "ILACS"]),
      name: z.string(),
      years: z.tuple([z.number(), z.number()]),
      names: z.array(z.string()),
      scale: z.string(),
      services: z.array(Named),
      // askedAs: words people use for an area in questions that a report's prose must not be read by ("leaders").
      // judgedFrom / judgedUntil: the inspections (by start date) that grade the area at all,
      // with a note saying so in words; an area outside them is never read from a report.
      areas: z.array(
        Named.extend({
          askedAs: z.array(z.string()).optional(),
          judgedFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
          judgedUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});

const GradesFile = z.object({
  scales: z.array(
    z.object({
      id: z.string(),
      framework: z.enum(["SLAC", "LAC", "SIF", "ILACS"]),
      grades: z.array(z.object({ grade: z.string(), number: z.number().int(), words: z.array(z.string()).min(1), meaning: z.string() })),
    }),
  ),
});

/** An English local authority with children's services. */
export type AuthorityInfo = z.infer<typeof AuthoritiesFile>["authorities"][number];
/** A framework with its services and areas. */
export type FrameworkInfo = z.infer<typeof FrameworksFile>["frameworks"][number];
/** One grade scale. */
export type ScaleInfo = z.infer<typeof GradesFile>["scales"][number];

/** Regions, region groups and council types with their words. */
export type PlaceWords = Omit<z.infer<typeof AuthoritiesFile>, "authorities">;

/** Everything curated in knowledge/. */
export interface Vocabulary {
  authorities: AuthorityInfo[];
  places: PlaceWords;
  frameworks: FrameworkInfo[];
  scales: ScaleInfo[];
}

/** Finds the project's knowledge/ folder whether running from src/ (tests) or dist/src/ (built). */
export function defaultKnowledgeDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "knowledge", "frameworks.json"))) return join(dir, "knowledge");
    dir = dirname(dir);
  }
  throw new AppError("KNOWLEDGE_INVALID", "Cannot find the knowledge/ folder.", "Run the bot from the project folder, or reinstall it.");
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new AppError("KNOWLEDGE_INVALID", `Cannot read ${path}: ${(err as Error).message}`, "Restore the file from git or fix its JSON.", { cause: err });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError("KNOWLEDGE_INVALID", `${path} is not valid at ${first.path.join(".")}: ${first.message}`, "Fix the entry (see knowledge/README.md).");
  }
  return parsed.data;
}

/** Reads and validates knowledge/ (or another folder with the same three files). */
export function loadVocabulary(dir = defaultKnowledgeDir()): Vocabulary {
  const { authorities, ...places } = readJson(dir, "authorities.json", AuthoritiesFile);
  return {
    authorities,
    places,
    frameworks: readJson(dir, "frameworks.json", FrameworksFile).frameworks,
    scales: readJson(dir, "grades.json", GradesFile).scales,
  };
}

/** The framework's display name, or a neutral phrase for unknown. */
export function frameworkName(vocab: Vocabulary, id: FrameworkId): string {
  return vocab.frameworks.find((f) => f.id === id)?.name ?? "Framework not stated";
}
