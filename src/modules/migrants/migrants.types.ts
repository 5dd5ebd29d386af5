import type { HeldDocument } from 'src/modules/eligibility/eligibility.types';

/** What the person's own documents say, for the eligibility check; numbers are never needed. */
export interface MigrantEligibilityFacts {
  birthDate: string;
  citizenship: string;
  occupationCodes: string[];
  documents: (HeldDocument & { issuingCountry?: string })[];
  /** Host country → last day of the person's latest entry ban there not lifted (absent: none recorded). */
  entryBans?: Record<string, string>;
}
