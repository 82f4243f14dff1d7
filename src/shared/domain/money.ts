export const maxBillCents = 100_000_000;

/** Formats integer minor units in the clinic's currency, e.g. 12550 USD → "$125.50". */
export function formatMoney(amountCents: number, currency: string, locale = 'en-US'): string {
  const formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountCents / 10 ** digits);
}

/** Parses what a person types ("125.5", "1,250.00") into integer minor units; undefined when it is not money. */
export function parseMoney(text: string, fractionDigits = 2): number | undefined {
  const cleaned = text.replace(/[,\s]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > fractionDigits) return undefined;
  return Number(whole) * 10 ** fractionDigits + Number(fraction.padEnd(fractionDigits, '0') || '0');
}
