/**
 * The seed format: one file per source document (an article), JSON or YAML.
 * This zod schema is the format's definition; seeds/README.md explains it to people.
 * Cross-references (a speaker, a place, a participant) are ids checked by validate.ts.
 */
import { z } from 'zod';
import { enums, idPrefixes, labels, type Label } from '../model/graph.js';

/** The kinds of ids: each label's id prefix (the model's). */
export const nodeKinds = labels.map((label) => idPrefixes[label]);
export type NodeKind = (typeof idPrefixes)[Label];

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';
const idPattern = new RegExp(`^(${nodeKinds.join('|')}):${slug}$`);

/** A stable, readable, globally unique id such as `person:sergei-ryabkov`. */
export const idOf = (kind: NodeKind) =>
  z.string().regex(new RegExp(`^${kind}:${slug}$`), `must look like "${kind}:lowercase-words-with-hyphens"`);

/** A reference to a node defined in this file, another file of the same run, or the graph. */
export const refTo = (...kinds: NodeKind[]) =>
  z
    .string()
    .regex(idPattern, 'must be an id such as "person:sergei-ryabkov"')
    .refine((value) => kinds.includes(value.slice(0, value.indexOf(':')) as NodeKind), {
      message: `must refer to a ${kinds.join(' or ')}`,
    });

/**
 * A date as precise as the source is: "2022", "2022-01", "2022-01-10" or "2022-01-10T19:30".
 * Its precision is part of the fact ("in January 2022" is not "on 1 January 2022").
 */
export const dateString = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/, 'must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM')
  .refine(
    (value) => {
      const [year, month, day] = value.slice(0, 10).split('-').map(Number);
      if (month !== undefined && (month < 1 || month > 12)) return false;
      if (day !== undefined) {
        const probe = new Date(Date.UTC(year!, month! - 1, day));
        if (probe.getUTCDate() !== day) return false;
      }
      if (value.length > 10) {
        const [hour, minute] = value.slice(11).split(':').map(Number);
        if (hour! > 23 || minute! > 59) return false;
      }
      return true;
    },
    { message: 'is not a real calendar date' },
  );

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY' | 'MINUTE';
export function precisionOf(date: string): DatePrecision {
  return date.length === 4 ? 'YEAR' : date.length === 7 ? 'MONTH' : date.length === 10 ? 'DAY' : 'MINUTE';
}

const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "id" or "en"');
const text = z.string().trim().min(1, 'must not be empty');

const alias = z.strictObject({ name: text, language });

/** An entity's other names, each once: the same name (ignoring case) in two languages is one alias. */
const aliases = z
  .array(alias)
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((item, index) => {
      const key = item.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `alias "${item.name}" is already listed at [${first}]`,
        });
    });
  });

export const organizationKinds = enums.OrganizationKind;
export const placeKinds = enums.PlaceKind;
export const meetingKinds = enums.MeetingKind;
export const statementKinds = enums.StatementKind;
export const durationQualifiers = enums.DurationQualifier;

export const articleSchema = z.strictObject({
  id: idOf('article'),
  /** The identifier of the source file the facts were read from. */
  sourceFile: text,
  /** A headline in the project's own words (the publisher's text is not copied). */
  headline: text,
  publisher: refTo('organization'),
  published: dateString,
  language,
  url: z.url().optional(),
});

export const topicSchema = z.strictObject({
  id: idOf('topic'),
  name: text,
  description: text.optional(),
});

export const placeSchema = z.strictObject({
  id: idOf('place'),
  name: text,
  kind: z.enum(placeKinds),
  aliases,
  locatedIn: refTo('place').optional(),
});

export const organizationSchema = z.strictObject({
  id: idOf('organization'),
  name: text,
  kind: z.enum(organizationKinds),
  description: text.optional(),
  aliases,
  /**
   * The source describes this group without naming it ("other US officials", "Russian news agencies"):
   * its `name` is a description, never an invented name.
   */
  unnamed: z.boolean().default(false),
  parent: refTo('organization').optional(),
  basedIn: refTo('place').optional(),
});

const position = z.strictObject({
  organization: refTo('organization'),
  /** The title in English. */
  title: text,
  /** The title as the source wrote it, in the source's language. */
  titleAsReported: text.optional(),
  start: dateString.optional(),
  end: dateString.optional(),
});

export const personSchema = z.strictObject({
  id: idOf('person'),
  name: text,
  description: text.optional(),
  aliases,
  positions: z.array(position).default([]),
});

const participant = z.strictObject({
  entity: refTo('person', 'organization'),
  /** The part they played, e.g. "head of the Russian delegation", "speaker". */
  role: text.optional(),
});

export const meetingSchema = z
  .strictObject({
    id: idOf('meeting'),
    name: text,
    kind: z.enum(meetingKinds),
    description: text.optional(),
    /** When it took place, as precisely as known; or `start` and `end` for several days. */
    date: dateString.optional(),
    start: dateString.optional(),
    end: dateString.optional(),
    /** How long it lasted, when the source says: an ISO 8601 duration and how exact it is. */
    duration: z
      .strictObject({
        iso: z.string().regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/, 'must be an ISO 8601 duration such as PT7H'),
        qualifier: z.enum(durationQualifiers).default('EXACTLY'),
      })
      .optional(),
    place: refTo('place').optional(),
    partOf: refTo('meeting').optional(),
    /** Meetings the source says this one came after ("after the talks"); orders events of the same date. */
    follows: z.array(refTo('meeting')).default([]),
    participants: z.array(participant).default([]),
    topics: z.array(refTo('topic')).default([]),
  })
  .superRefine((meeting, ctx) => {
    if (meeting.date && (meeting.start || meeting.end)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'give either date, or start and end, not both' });
    }
    if (meeting.end && !meeting.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'an end needs a start' });
    }
    if (meeting.start && meeting.end && meeting.end < meeting.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'ends before it starts' });
    }
  });

export const statementSchema = z.strictObject({
  id: idOf('statement'),
  /** Who made it: a person, or an organization when the source attributes it to one ("Moscow"). */
  speaker: refTo('person', 'organization'),
  /** The words as reported, in the source's language; quotes are short and attributed. */
  text,
  language,
  /** What was said, in English and in the project's own words. */
  summary: text,
  kind: z.enum(statementKinds),
  date: dateString.optional(),
  /** The meeting at which it was made. */
  occasion: refTo('meeting').optional(),
  /** Who heard it: people or organizations (an unnamed group such as "reporters" is an organization). */
  audience: z.array(refTo('person', 'organization')).default([]),
  /** People or organizations it was said to, where the source names them. */
  addressedTo: z.array(refTo('person', 'organization')).default([]),
  mentions: z.array(refTo('person', 'organization', 'place', 'meeting', 'topic')).default([]),
  topics: z.array(refTo('topic')).default([]),
  /** Where in the source it stands: paragraph (1-based) and character offset in the source file. */
  position: z.strictObject({
    paragraph: z.number().int().min(1),
    offset: z.number().int().min(0),
  }),
});

export const seedDocumentSchema = z.strictObject({
  article: articleSchema,
  topics: z.array(topicSchema).default([]),
  places: z.array(placeSchema).default([]),
  organizations: z.array(organizationSchema).default([]),
  people: z.array(personSchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  statements: z.array(statementSchema).default([]),
});

export type SeedDocument = z.infer<typeof seedDocumentSchema>;
export type SeedDocumentInput = z.input<typeof seedDocumentSchema>;
