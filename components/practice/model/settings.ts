/**
 * The practice Settings form: the daily new-question cap, the daily review cap and
 * the retention target (shown in percent), as strings for native inputs, read back
 * with a message per field. Bounds and defaults come from `lib/practice/progress`
 * (SETTINGS_BOUNDS, DEFAULT_SETTINGS), which also validates again on save.
 * Parsing is linear (anchored, bounded patterns on input capped at 32 characters).
 */
import { DEFAULT_SETTINGS, SETTINGS_BOUNDS, type PracticeSettings } from '@/lib/practice/progress';

export type SettingsField = keyof PracticeSettings;

/** The form's values, as the inputs hold them. */
export type SettingsForm = Record<SettingsField, string>;

/** Retention target in whole percent (0.9 → "90"). */
const toPercent = (fraction: number) => String(Math.round(fraction * 1000) / 10);

/** The form filled from saved settings. */
export function settingsForm(s: PracticeSettings): SettingsForm {
  return {
    dailyNewCap: String(s.dailyNewCap),
    dailyReviewCap: String(s.dailyReviewCap),
    desiredRetention: toPercent(s.desiredRetention),
  };
}

/** Labels and hints, one place for the panel and its tests. */
export const SETTINGS_LABELS: Record<SettingsField, { label: string; hint: string }> = {
  dailyNewCap: {
    label: 'New questions a day',
    hint: `${SETTINGS_BOUNDS.dailyNewCap.min}–${SETTINGS_BOUNDS.dailyNewCap.max}; default ${DEFAULT_SETTINGS.dailyNewCap}. Each new question comes back for several reviews in its first days, so this sets tomorrow’s load.`,
  },
  dailyReviewCap: {
    label: 'Reviews a day',
    hint: `${SETTINGS_BOUNDS.dailyReviewCap.min}–${SETTINGS_BOUNDS.dailyReviewCap.max}; default ${DEFAULT_SETTINGS.dailyReviewCap}. Reviews beyond it wait for the next day.`,
  },
  desiredRetention: {
    label: 'Retention target (%)',
    hint: `${toPercent(SETTINGS_BOUNDS.desiredRetention.min)}–${toPercent(SETTINGS_BOUNDS.desiredRetention.max)}; default ${toPercent(DEFAULT_SETTINGS.desiredRetention)} (the FSRS default). The chance of still knowing a question when it comes back: higher means more frequent reviews. Applies from each question’s next review.`,
  },
};

export type SettingsParse = { ok: true; settings: PracticeSettings } | { ok: false; errors: Partial<SettingsForm> };

function wholeNumber(raw: string, min: number, max: number): number | string {
  const s = raw.trim().slice(0, 32);
  if (!/^\d{1,6}$/.test(s)) return `Enter a whole number from ${min} to ${max}.`;
  const n = Number(s);
  return n >= min && n <= max ? n : `Enter a whole number from ${min} to ${max}.`;
}

/**
 * Reads the form. Each field that is not valid gets a message; nothing is applied
 * unless all three are valid.
 *
 * @example parseSettingsForm({ dailyNewCap: '20', dailyReviewCap: '100', desiredRetention: '85' }) // { ok: true, settings: { dailyNewCap: 20, dailyReviewCap: 100, desiredRetention: 0.85 } }
 * @example parseSettingsForm({ dailyNewCap: '20', dailyReviewCap: '100', desiredRetention: '99' }).ok // false
 */
export function parseSettingsForm(form: SettingsForm): SettingsParse {
  const errors: Partial<SettingsForm> = {};
  const b = SETTINGS_BOUNDS;
  const newCap = wholeNumber(form.dailyNewCap, b.dailyNewCap.min, b.dailyNewCap.max);
  const reviewCap = wholeNumber(form.dailyReviewCap, b.dailyReviewCap.min, b.dailyReviewCap.max);
  if (typeof newCap === 'string') errors.dailyNewCap = newCap;
  if (typeof reviewCap === 'string') errors.dailyReviewCap = reviewCap;
  const lo = Math.round(b.desiredRetention.min * 100);
  const hi = Math.round(b.desiredRetention.max * 100);
  const r = form.desiredRetention.trim().replace(/\s*%$/, '').slice(0, 32);
  const pct = /^\d{1,3}(\.\d{1,2})?$/.test(r) ? Number(r) : Number.NaN;
  if (!(pct >= lo && pct <= hi)) errors.desiredRetention = `Enter a percentage from ${lo} to ${hi}.`;
  if (typeof newCap === 'string' || typeof reviewCap === 'string' || errors.desiredRetention)
    return { ok: false, errors };
  return {
    ok: true,
    // 85 → 0.85 exactly (a division by 100 after rounding to 4 decimals, so 0.85 is not 0.8500000000000001).
    settings: { dailyNewCap: newCap, dailyReviewCap: reviewCap, desiredRetention: Math.round(pct * 100) / 10_000 },
  };
}
