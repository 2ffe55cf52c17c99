/**
 * Rules for what a landlord may set as branding and SMS sender (issue 9 settings).
 */

/** `#rrggbb` → relative luminance (WCAG 2.x). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for normal text. */
export const AA_CONTRAST = 4.5;

/**
 * A brand colour is used as a background under WHITE text (buttons, the header bar), so it must
 * reach AA against white; a lighter colour is refused rather than silently changed.
 */
export function brandColourProblem(colour: string): 'colour_invalid' | 'colour_contrast_too_low' | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) return 'colour_invalid';
  return contrastRatio(colour.toLowerCase(), '#ffffff') >= AA_CONTRAST ? null : 'colour_contrast_too_low';
}

/**
 * The operators' rule for an SMS sender (STANDARDS §9: 46elks and GatewayAPI): up to 11 letters
 * A–Z a–z and digits with at least one letter, or a phone number (E.164, up to 15 digits).
 * Answers the stored form (a number as `+digits`), or null.
 */
export function parseSmsSender(raw: string): string | null {
  const value = raw.trim();
  if (/^[A-Za-z0-9]{1,11}$/.test(value) && /[A-Za-z]/.test(value)) return value;
  const number = value.replace(/[\s-]/g, '');
  if (/^\+?[1-9]\d{6,14}$/.test(number)) return number.startsWith('+') ? number : `+${number}`;
  return null;
}
