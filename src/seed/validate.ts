/**
 * Validation of seed files before anything is written: syntax, the zod schema of format.ts,
 * duplicate ids, and references that must resolve in the run's files or in the graph.
 * Every problem names its file and the path inside it; all of them are reported in one run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { seedDocumentSchema, type SeedDocument } from './format.js';

export interface SeedProblem {
  file: string;
  /** Where in the file, e.g. `people[0].positions[1].organization`; empty for the whole file. */
  path: string;
  message: string;
}

export interface SeedFile {
  file: string;
  document: SeedDocument;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in seed files; nothing was written:\n` +
        problems.map(formatProblem).join('\n'),
    );
  }
}

export function formatProblem(problem: SeedProblem): string {
  return `  ${problem.file}${problem.path ? ` at ${problem.path}` : ''}: ${problem.message}`;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** Schema-checks one document, however it was read. */
export function checkDocument(file: string, raw: unknown): { document?: SeedDocument; problems: SeedProblem[] } {
  const result = seedDocumentSchema.safeParse(raw);
  if (result.success) return { document: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => ({ file, path: formatPath(issue.path), message: issue.message })),
  };
}

/** Reads and schema-checks one JSON or YAML file. */
export function parseSeedFile(file: string): { document?: SeedDocument; problems: SeedProblem[] } {
  const name = path.relative(process.cwd(), file) || file;
  let raw: unknown;
  try {
    const source = fs.readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      raw = JSON.parse(source);
    } else if (/\.ya?ml$/.test(file)) {
      const parsed = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
      if (parsed.errors.length > 0) {
        return {
          problems: parsed.errors.map((error) => ({
            file: name,
            path: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '',
            message: error.message.split('\n')[0] ?? error.message,
          })),
        };
      }
      raw = parsed.toJS();
    } else {
      return { problems: [{ file: name, path: '', message: 'is neither .json, .yaml nor .yml' }] };
    }
  } catch (error) {
    return { problems: [{ file: name, path: '', message: (error as Error).message }] };
  }
  return checkDocument(name, raw);
}

/** Every id a document defines, with the path of its definition. */
export function definitions(doc: SeedDocument): { id: string; path: string }[] {
  const defined = [{ id: doc.article.id, path: 'article.id' }];
  for (const section of ['topics', 'places', 'organizations', 'people', 'meetings', 'statements'] as const) {
    doc[section].forEach((item, index) => defined.push({ id: item.id, path: `${section}[${index}].id` }));
  }
  return defined;
}

/** Every reference a document makes, with its path. */
export function references(doc: SeedDocument): { id: string; path: string }[] {
  const refs: { id: string; path: string }[] = [];
  const add = (id: string | undefined, at: string) => {
    if (id) refs.push({ id, path: at });
  };
  add(doc.article.publisher, 'article.publisher');
  doc.places.forEach((place, i) => add(place.locatedIn, `places[${i}].locatedIn`));
  doc.organizations.forEach((org, i) => {
    add(org.parent, `organizations[${i}].parent`);
    add(org.basedIn, `organizations[${i}].basedIn`);
  });
  doc.people.forEach((person, i) =>
    person.positions.forEach((position, j) => add(position.organization, `people[${i}].positions[${j}].organization`)),
  );
  doc.meetings.forEach((meeting, i) => {
    add(meeting.place, `meetings[${i}].place`);
    add(meeting.partOf, `meetings[${i}].partOf`);
    meeting.follows.forEach((id, j) => add(id, `meetings[${i}].follows[${j}]`));
    meeting.participants.forEach((p, j) => add(p.entity, `meetings[${i}].participants[${j}].entity`));
    meeting.topics.forEach((topic, j) => add(topic, `meetings[${i}].topics[${j}]`));
  });
  doc.statements.forEach((statement, i) => {
    add(statement.speaker, `statements[${i}].speaker`);
    add(statement.occasion, `statements[${i}].occasion`);
    statement.audience.forEach((id, j) => add(id, `statements[${i}].audience[${j}]`));
    statement.addressedTo.forEach((id, j) => add(id, `statements[${i}].addressedTo[${j}]`));
    statement.mentions.forEach((id, j) => add(id, `statements[${i}].mentions[${j}]`));
    statement.topics.forEach((id, j) => add(id, `statements[${i}].topics[${j}]`));
  });
  return refs;
}

/**
 * Checks ids across the run: no id defined twice in one file, and every reference defined in some
 * file of the run or already in the graph (`existsInGraph` answers for the ids no file defines).
 */
export async function checkReferences(
  files: SeedFile[],
  existsInGraph: (ids: string[]) => Promise<Set<string>>,
): Promise<SeedProblem[]> {
  const problems: SeedProblem[] = [];
  const definedInRun = new Set<string>();
  // An article is one document: two in one run would each claim to be its whole content.
  const articles = new Map<string, string>();
  for (const { file, document } of files) {
    const first = articles.get(document.article.id);
    if (first) {
      problems.push({
        file,
        path: 'article.id',
        message: `article "${document.article.id}" is also the article of ${first}`,
      });
    } else articles.set(document.article.id, file);
  }
  for (const { file, document } of files) {
    const seen = new Map<string, string>();
    for (const { id, path: at } of definitions(document)) {
      const first = seen.get(id);
      if (first) problems.push({ file, path: at, message: `duplicate id "${id}" (first defined at ${first})` });
      else seen.set(id, at);
      definedInRun.add(id);
    }
  }
  const unresolved = files.flatMap(({ file, document }) =>
    references(document)
      .filter((ref) => !definedInRun.has(ref.id))
      .map((ref) => ({ file, ...ref })),
  );
  if (unresolved.length === 0) return problems;
  const inGraph = await existsInGraph([...new Set(unresolved.map((ref) => ref.id))]);
  for (const ref of unresolved) {
    if (!inGraph.has(ref.id)) {
      problems.push({
        file: ref.file,
        path: ref.path,
        message: `refers to "${ref.id}", which is defined neither in the seed files of this run nor in the graph`,
      });
    }
  }
  return problems;
}

/** `follows` must not go round in a circle: an event cannot come after itself. */
export function checkFollows(file: string, doc: SeedDocument): SeedProblem[] {
  const follows = new Map(doc.meetings.map((meeting) => [meeting.id, meeting.follows]));
  const problems: SeedProblem[] = [];
  doc.meetings.forEach((meeting, i) => {
    const seen = new Set<string>();
    const stack = [...meeting.follows];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === meeting.id) {
        problems.push({ file, path: `meetings[${i}].follows`, message: `"${meeting.id}" would come after itself` });
        return;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(follows.get(id) ?? []));
    }
  });
  return problems;
}

type Lookup = (ids: string[]) => Promise<Set<string>>;

async function finish(results: { file: string; document?: SeedDocument; problems: SeedProblem[] }[], lookup: Lookup) {
  const problems = results.flatMap((result) => result.problems);
  const parsed: SeedFile[] = results.flatMap(({ file, document }) => (document ? [{ file, document }] : []));
  for (const { file, document } of parsed) problems.push(...checkFollows(file, document));
  problems.push(...(await checkReferences(parsed, lookup)));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return parsed;
}

/** Parses and checks all files; throws one SeedValidationError listing every problem. */
export function validateSeedFiles(files: string[], lookup: Lookup): Promise<SeedFile[]> {
  return finish(
    files.map((file) => ({ file: path.relative(process.cwd(), file) || file, ...parseSeedFile(file) })),
    lookup,
  );
}

/** The same checks for documents made in memory (the synthetic generator). */
export function validateDocuments(inputs: { file: string; raw: unknown }[], lookup: Lookup): Promise<SeedFile[]> {
  return finish(
    inputs.map(({ file, raw }) => ({ file, ...checkDocument(file, raw) })),
    lookup,
  );
}
