/**
 * The human decisions in data/extraction/, typed. Read once at start-up and checked against their schemas by
 * scripts/inputs (file, line and key on any error); the extraction itself stays free of I/O.
 */
import { readExtractionFiles } from '../inputs/extraction.ts';

const { rules, corrections } = readExtractionFiles();

export interface InlineRule {
  file: string;
  from: string;
  to: string;
  reason: string;
}

export interface Correction {
  file: string;
  line: number;
  /** A fragment of the sentence the correction is about. */
  sentence: string;
  action: 'drop' | 'role' | 'place' | 'skipPlace' | 'industry';
  placeText?: string;
  place?: string;
  role?: 'core' | 'focus' | 'supporting';
  industry?: string;
  reason: string;
}

export interface Guard {
  /** The form counts only when the text right after it matches. */
  after?: string;
  /** The form does not count when the character before it matches. */
  notBefore?: string;
  /** The form does not count when the text right after it matches. */
  notAfter?: string;
  reason: string;
}

export const RULES = rules as unknown as {
  roleCues: {
    predicate: { supporting: string; core: string; focus: string };
    clause: { supporting: string; core: string; focus: string };
    title: { core: string; supporting: string };
    shapes: {
      predicate: string;
      mainOf: string;
      mainOfLead: string;
      listVerbAfter: string;
      listVerbBefore: string;
      enterprisePredicate: string;
      givesSupport: string;
    };
  };
  statusCue: { pattern: string };
  passages: {
    layoutParagraph: string;
    columnStart: string;
    columnEnd: string;
    statusColumn: string;
    inline: InlineRule[];
    directiveVerb: string;
    anchor: string;
    anchorResource: string;
    rolePredicate: string;
  };
  headingPrefix: string;
  resetHeading: string;
  combinedSections: Record<string, Record<string, string[]> | string>;
  enterprise: {
    suffix: string;
    anywhereSuffix: string;
    weakSuffix: string;
    lead: string;
    listLead: string;
    contexts: string[];
    companyWord: string;
    notName: string;
    knownBoundary: string;
    acts: string;
    farAnchor: string;
    anchorBefore: string;
    anchorAfter: string;
    known: { name: string; reason: string }[];
    listSplit: string;
    ofWord: string;
    etcPlace: string;
  };
  products: {
    verb: string;
    verbLead: string;
    objectVerb: string;
    notAfterVerb: string;
    frames: string[];
    objectStop: string;
    continuation: string;
    base: string;
    areaWord: string;
    qualifier: string;
    ofQualifier: string;
    nonProductCategory: string;
    etcNotBefore: string;
    verbAnywhere: string;
    subLineAliases: string[];
    listEnd: string;
    itemSplit: string;
    lastItemSplit: string;
    etcWord: string;
    listComma: string;
    onlyJoiners: string;
    ofLead: string;
    ofPredicate: string;
    headLead: string;
    notNounStart: string;
    joinedNoun: string;
    listContinues: string;
    membersLead: string;
    subLineLead: string;
    industryWord: string;
    baseSuffix: string;
    trim: { leading: string; trailing: string };
    reject: string;
  };
  guards?: Record<string, Guard>;
  notPlaceAfter?: { pattern: string; reason: string };
  industry: { aspect: string; objectVerb: string; placePhraseLead: string };
  truncation: { sentenceEnd: string; heading: string };
  mentions: {
    zoneTail: { pattern: string };
    listJoin: { pattern: string };
    unresolved: {
      tokenSplit: string;
      placeSuffix: string;
      genericForms: string[];
      notNameStart: string;
      zoneSuffix: string;
      description: string;
      zoneWord: string;
    };
  };
};

export const CORRECTIONS = (corrections as unknown as { corrections: Correction[] }).corrections;
