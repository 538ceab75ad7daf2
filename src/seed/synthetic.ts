/**
 * A deterministic synthetic corpus of the same model, for benchmarks and scale tests.
 * One registry document defines the world (places, organizations, people and their positions,
 * topics); each synthetic article then reports meetings and statements about it. The shape is
 * skewed like news: a few people attend most meetings, a few organizations employ most people.
 */
import type { SeedDocumentInput } from './format.js';

export interface SyntheticPreset {
  articles: number;
  people: number;
  organizations: number;
  countries: number;
  topics: number;
  meetingsPerArticle: number;
  statementsPerArticle: number;
}

export const presets: Record<string, SyntheticPreset> = {
  tiny: {
    articles: 20,
    people: 200,
    organizations: 30,
    countries: 10,
    topics: 20,
    meetingsPerArticle: 5,
    statementsPerArticle: 8,
  },
  small: {
    articles: 200,
    people: 1_000,
    organizations: 100,
    countries: 20,
    topics: 40,
    meetingsPerArticle: 5,
    statementsPerArticle: 8,
  },
  medium: {
    articles: 2_000,
    people: 5_000,
    organizations: 400,
    countries: 40,
    topics: 80,
    meetingsPerArticle: 5,
    statementsPerArticle: 8,
  },
  large: {
    articles: 11_000,
    people: 20_000,
    organizations: 1_500,
    countries: 60,
    topics: 150,
    meetingsPerArticle: 5,
    statementsPerArticle: 8,
  },
};

/** mulberry32: a small, fast, seedable generator; the same seed gives the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks index i of n with probability proportional to 1/(i+1)^s: a few items get most picks. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i += 1) {
    sum += 1 / (i + 1) ** s;
    cumulative[i] = sum;
  }
  return () => {
    const target = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const syllables = [
  'ka',
  'lo',
  'mi',
  'ra',
  'ven',
  'sto',
  'del',
  'tor',
  'an',
  'bri',
  'gor',
  'na',
  'sel',
  'ur',
  'vik',
  'zen',
];
const words = ['security', 'talks', 'trade', 'border', 'sanctions', 'energy', 'treaty', 'troops', 'dialogue', 'grain'];
const meetingKinds = ['TALKS', 'NEGOTIATION', 'PRESS_CONFERENCE', 'INFORMAL_MEETING', 'SUMMIT', 'CONFERENCE'] as const;
const orgKinds = [
  'MINISTRY',
  'GOVERNMENT',
  'INTERNATIONAL_ORGANIZATION',
  'COMPANY',
  'NEWS_OUTLET',
  'POLITICAL_PARTY',
] as const;
const statementKinds = ['DIRECT_QUOTE', 'PARAPHRASE', 'REPORTED_POSITION'] as const;
const languages = ['en', 'id', 'de', 'fr', 'ru'];

/** The synthetic documents as the seeder takes in-memory documents: each with a name for its messages. */
export function syntheticSeedInputs(preset: SyntheticPreset, seed = 1): { file: string; raw: SeedDocumentInput }[] {
  return syntheticDocuments(preset, seed).map((raw, i) => ({ file: `synthetic[${i}]`, raw }));
}

export function syntheticDocuments(preset: SyntheticPreset, seed = 1): SeedDocumentInput[] {
  const rand = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const name = (parts: number) => {
    let out = '';
    for (let i = 0; i < parts; i += 1) out += pick(syllables);
    return out.charAt(0).toUpperCase() + out.slice(1);
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = () => `${int(2019, 2024)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;

  const countries = Array.from({ length: preset.countries }, (_, i) => ({
    id: `place:country-${i}`,
    name: `${name(2)}ia`,
    kind: 'COUNTRY' as const,
  }));
  const cities = countries.flatMap((country, i) =>
    [0, 1, 2].map((j) => ({
      id: `place:city-${i}-${j}`,
      name: name(3),
      kind: 'CITY' as const,
      locatedIn: country.id,
    })),
  );
  const states = countries.map((country, i) => ({
    id: `organization:state-${i}`,
    name: country.name,
    kind: 'STATE' as const,
    aliases: [{ name: `${country.name}n Republic`, language: 'en' }],
  }));
  const otherOrgs = Array.from({ length: preset.organizations }, (_, i) => ({
    id: `organization:org-${i}`,
    name: `${name(2)} ${pick(['Ministry', 'Council', 'Agency', 'Institute', 'Group', 'News'])}`,
    kind: pick(orgKinds),
    parent: i % 3 === 0 ? pick(states).id : undefined,
    basedIn: pick(cities).id,
  }));
  const organizations = [...states, ...otherOrgs];
  const outlets = otherOrgs.filter((org) => org.kind === 'NEWS_OUTLET');
  if (outlets.length === 0) outlets.push(otherOrgs[0]!);
  const employer = zipf(otherOrgs.length, 1.1, rand);
  const people = Array.from({ length: preset.people }, (_, i) => {
    const positions = Array.from({ length: int(1, 2) }, (_, j) => ({
      organization: otherOrgs[employer()]!.id,
      title: `${pick(['Deputy', 'Senior', 'Chief', 'Assistant'])} ${pick(['Minister', 'Director', 'Envoy', 'Adviser'])} ${j}`,
      start: `${int(2005, 2018)}-${pad(int(1, 12))}`,
    }));
    return {
      id: `person:person-${i}`,
      name: `${name(2)} ${name(3)}`,
      description: `Synthetic person ${i}`,
      aliases: [{ name: name(3), language: pick(languages) }],
      positions,
    };
  });
  const topics = Array.from({ length: preset.topics }, (_, i) => ({
    id: `topic:topic-${i}`,
    name: `${pick(words)} ${pick(words)} ${i}`,
  }));

  const registry: SeedDocumentInput = {
    article: {
      id: 'article:synthetic-registry',
      sourceFile: 'synthetic/registry',
      headline: 'Synthetic registry of places, organizations, people and topics',
      publisher: states[0]!.id,
      published: '2019',
      language: 'en',
    },
    places: [...countries, ...cities],
    organizations,
    people,
    topics,
  };

  const attendee = zipf(people.length, 1.05, rand);
  const topicPick = zipf(topics.length, 1.0, rand);
  const orgPick = zipf(organizations.length, 1.0, rand);
  const documents: SeedDocumentInput[] = [registry];
  for (let a = 0; a < preset.articles; a += 1) {
    const articleId = `article:synthetic-${a}`;
    const meetings = Array.from({ length: preset.meetingsPerArticle }, (_, m) => {
      const size = Math.min(20, 2 + Math.floor(-Math.log(1 - rand()) * 4));
      const participants = new Set<string>();
      while (participants.size < size) participants.add(people[attendee()]!.id);
      if (rand() < 0.3) participants.add(organizations[orgPick()]!.id);
      return {
        id: `meeting:a${a}-m${m}`,
        name: `${pick(words)} meeting ${a}-${m}`,
        kind: pick(meetingKinds),
        date: date(),
        place: pick(cities).id,
        partOf: m > 0 && rand() < 0.4 ? `meeting:a${a}-m0` : undefined,
        participants: [...participants].map((entity) => ({ entity, role: pick(['delegate', 'host', 'speaker']) })),
        topics: [topics[topicPick()]!.id],
      };
    });
    const statements = Array.from({ length: preset.statementsPerArticle }, (_, s) => {
      const occasion = pick(meetings);
      const mentions = new Set<string>();
      const mentionCount = int(1, 4);
      while (mentions.size < mentionCount) {
        mentions.add(rand() < 0.5 ? people[attendee()]!.id : organizations[orgPick()]!.id);
      }
      const words3 = `${pick(words)} ${pick(words)} ${pick(words)}`;
      return {
        id: `statement:a${a}-s${s}`,
        speaker: occasion.participants[0]!.entity,
        text: `We discussed ${words3} at length`,
        language: pick(languages),
        summary: `A synthetic remark about ${words3}.`,
        kind: pick(statementKinds),
        date: occasion.date,
        occasion: occasion.id,
        mentions: [...mentions],
        topics: rand() < 0.5 ? [topics[topicPick()]!.id] : [],
        position: { paragraph: s + 1, offset: s * 200 },
      };
    });
    documents.push({
      article: {
        id: articleId,
        sourceFile: `synthetic/${a}`,
        headline: `Synthetic article ${a}`,
        publisher: pick(outlets).id,
        published: date(),
        language: pick(languages),
      },
      meetings,
      statements,
    });
  }
  return documents;
}
