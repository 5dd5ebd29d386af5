import { Page } from 'playwright-core';

interface Report {
  count: number;
  small: string[];
  unnamed: string[];
  groupsUnnamed: string[];
  actionsWithoutIcon: string[];
}

/**
 * Runs in the page (plain JavaScript: the test programme has no DOM types). Lists visible controls
 * smaller than 48 by 48 px, controls and groups without an accessible name (aria-label,
 * aria-labelledby, a <label>, or a button's text), and main actions without an icon.
 */
const AUDIT = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const nameOf = (el) => {
    const aria = el.getAttribute('aria-label');
    if (aria) return aria.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(' ').map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    if (el.labels && el.labels.length) return Array.from(el.labels).map((l) => l.textContent || '').join(' ').trim();
    return el.tagName === 'BUTTON' ? (el.textContent || '').trim() : '';
  };
  const controls = Array.from(document.querySelectorAll('button, input, select, a[href]')).filter(visible);
  return {
    count: controls.length,
    small: controls
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 48 || r.height < 48)
      .map(({ el, r }) => el.tagName + ' "' + nameOf(el) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height)),
    unnamed: controls.filter((el) => !nameOf(el)).map((el) => el.outerHTML.slice(0, 120)),
    groupsUnnamed: Array.from(document.querySelectorAll('main [role="group"], nav'))
      .filter((el) => !nameOf(el))
      .map((el) => el.outerHTML.slice(0, 120)),
    actionsWithoutIcon: Array.from(document.querySelectorAll('main [data-action], main .nav button'))
      .filter(visible)
      .filter((el) => !el.querySelector('.icon[aria-hidden="true"]'))
      .map((el) => (el.textContent || '').trim()),
  };
})()`;

/** Measures the page as a touch screen for people who read little; fails listing what falls short. */
export async function expectAccessible(page: Page): Promise<Report> {
  const report = await page.evaluate<Report>(AUDIT);
  expect(report.count).toBeGreaterThan(3);
  expect(report).toEqual({
    count: report.count,
    small: [],
    unnamed: [],
    groupsUnnamed: [],
    actionsWithoutIcon: [],
  });
  return report;
}

/** The audit's raw findings, for a test that shows the audit does catch a shortfall. */
export function audit(page: Page): Promise<Report> {
  return page.evaluate<Report>(AUDIT);
}
