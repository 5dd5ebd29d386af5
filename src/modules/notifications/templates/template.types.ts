/** Message names: stored on notification records and queue jobs, so never rename one. */
export const TEMPLATE_NAMES = [
  'application_received',
  'new_application',
  'interview_invitation',
  'interview_rescheduled',
  'interview_cancelled',
  'interview_reminder_migrant',
  'interview_reminder_employer',
  'offer',
  'hired',
  'obligation_due',
  'obligation_overdue',
  'patent_expiring_migrant',
  'patent_expiring_employer',
  'access_code',
  'kiosk_identification_code',
  'grievance_state_changed',
  'grievance_message',
  'grievance_shared',
  'grievance_overdue',
  'employer_suspended',
  'legal_consultation_reminder',
  'pre_departure_reminder',
  'legal_consultation_rescheduled',
  'legal_consultation_cancelled',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const TEMPLATE_LOCALES = ['ru', 'uz', 'tg', 'ky', 'en'] as const;

export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/**
 * One message in one language. `body` paragraphs feed both the e-mail text and its HTML, so the two never
 * drift apart: a `\n` inside a paragraph is a line break, and lines starting with `• ` form a list.
 * Placeholders are `{{name}}`; a value missing from the payload renders as an empty string.
 */
export interface LocalizedTemplate {
  subject: string;
  body: string[];
  /**
   * Short text for SMS. Latin-script SMS keep to the GSM-7 alphabet (Uzbek uses ' for ʻ there) so that one
   * part holds 160 characters; Cyrillic SMS go as UCS-2 (70 per part) and are kept short.
   */
  sms: string;
}

export type LocaleTemplates = Record<TemplateName, LocalizedTemplate>;
