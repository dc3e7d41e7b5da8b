import type {
  ExtractedAssignment as Assignment,
  AuditPlan,
  AuditWarning,
  ExtractedAuditSentence,
  Industry,
  Plan,
} from '../../src/domain/types.ts';
import type { Gazetteer } from '../gazetteer/types.ts';

export interface ExtractionInput {
  plan: Plan;
  /** The seed's full text, decoded from UTF-8 (lines split on "\n"). */
  text: string;
  gazetteer: Gazetteer;
  industries: readonly Industry[];
}

export interface ExtractionResult {
  assignments: Assignment[];
  audit: AuditPlan<ExtractedAuditSentence>;
  /** Things the build can go on with but a human should see (e.g. a place-like form the gazetteer does not know). */
  warnings: AuditWarning[];
}
