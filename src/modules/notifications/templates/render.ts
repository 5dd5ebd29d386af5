import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { en } from './locales/en';
import { ky } from './locales/ky';
import { ru } from './locales/ru';
import { tg } from './locales/tg';
import { uz } from './locales/uz';
import {
  LocaleTemplates,
  LocalizedTemplate,
  TEMPLATE_LOCALES,
  TEMPLATE_NAMES,
  TemplateLocale,
  TemplateName,
} from './template.types';

export { TEMPLATE_LOCALES, TEMPLATE_NAMES };
export type { LocalizedTemplate, TemplateLocale, TemplateName };

export type TemplateChannel = 'email' | 'sms' | 'in_app';

/** Values should arrive formatted for the recipient (dates in their language and the venue's time zone). */
export type TemplatePayload = Record<string, string | number | null | undefined>;

export interface RenderedMessage {
  subject?: string;
  text: string;
  html?: string;
}

export const TEMPLATES: Readonly<Record<TemplateLocale, LocaleTemplates>> = { ru, uz, tg, ky, en };

const FALLBACK_LOCALES: TemplateLocale[] = ['ru', 'en'];
const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const LIST_ITEM = '• ';

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

/** `uz-Latn-UZ`, `UZ`, `uz_UZ` → `uz`; anything unknown → null. */
export function normalizeLocale(locale: string | null | undefined): TemplateLocale | null {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (TEMPLATE_LOCALES as readonly string[]).includes(primary) ? (primary as TemplateLocale) : null;
}

/** Placeholder names used in a template string, for tests and payload checks. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function valueOf(payload: TemplatePayload, key: string): string {
  const value = Object.prototype.hasOwnProperty.call(payload, key) ? payload[key] : undefined;
  return value === null || value === undefined ? '' : String(value);
}

function fillText(template: string, payload: TemplatePayload): string {
  return template.replace(PLACEHOLDER, (_, key: string) => valueOf(payload, key));
}

/** Escapes the template and every value; a `…Url` value that is an http(s) address becomes a link. */
function fillHtml(template: string, payload: TemplatePayload): string {
  return escapeHtml(template).replace(PLACEHOLDER, (_, key: string) => {
    const value = valueOf(payload, key);
    const safe = escapeHtml(value);
    return key.endsWith('Url') && /^https?:\/\/\S+$/i.test(value) ? `<a href="${safe}">${safe}</a>` : safe;
  });
}

function paragraphHtml(paragraph: string, payload: TemplatePayload): string {
  const lines = paragraph.split('\n');
  if (lines.every((line) => line.startsWith(LIST_ITEM))) {
    const items = lines.map((line) => `<li>${fillHtml(line.slice(LIST_ITEM.length), payload)}</li>`);
    return `<ul>${items.join('')}</ul>`;
  }
  return `<p>${lines.map((line) => fillHtml(line, payload)).join('<br>')}</p>`;
}

function pick(name: TemplateName, locale: string): { template: LocalizedTemplate; locale: TemplateLocale } {
  const requested = normalizeLocale(locale);
  for (const candidate of requested ? [requested, ...FALLBACK_LOCALES] : FALLBACK_LOCALES) {
    const template = TEMPLATES[candidate]?.[name];
    if (template) return { template, locale: candidate };
  }
  throw new Error(`Unknown message template "${name}"`);
}

/**
 * A `region` code in the payload is named in the message's language as `regionName`, so that a message
 * stored once reads "Вилояти Маскав" in Tajik and "Московская область" in Russian.
 */
export function withPlaceNames(payload: TemplatePayload, locale: TemplateLocale): TemplatePayload {
  const code = payload.region;
  if (typeof code !== 'string' || !code) return payload;
  const name = ReferenceCatalog.load().regionName(code, locale);
  return name ? { ...payload, regionName: name } : payload;
}

/**
 * Renders a message. Unknown locales fall back to Russian, then English; a missing payload value renders
 * as empty text. Only an unknown template name throws, as that is a programming error.
 */
export function renderTemplate(
  name: TemplateName,
  channel: TemplateChannel,
  locale: string,
  given: TemplatePayload = {},
): RenderedMessage {
  const { template, locale: used } = pick(name, locale);
  const payload = withPlaceNames(given, used);
  // A value with a line break must not spill into other mail headers.
  const subject = fillText(template.subject, payload).replace(/[\r\n]+/g, ' ');
  if (channel === 'sms') return { text: fillText(template.sms, payload) };
  const text = template.body.map((p) => fillText(p, payload)).join('\n\n');
  if (channel === 'in_app') return { subject, text };
  const html = `<div lang="${used}">${template.body.map((p) => paragraphHtml(p, payload)).join('')}</div>`;
  return { subject, text, html };
}
