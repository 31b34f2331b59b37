/**
 * @module network/reference-rates
 * What one unit of a currency is worth in US dollars, so that flows in several currencies add up to one
 * exposure. Approximate rates (mid-market, rounded, end of November 2026): an exposure ranking compares
 * orders of magnitude and shares, not cents. A file in a currency missing here is refused (the CSV
 * reader names the line and column) rather than summed at a guessed rate; pass your own rates where
 * precision matters.
 */

export type CurrencyRates = Readonly<Record<string, number>>;

export const REFERENCE_CURRENCY = 'USD';

export const USD_REFERENCE_RATES: CurrencyRates = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.13,
  JPY: 0.0067,
  CNY: 0.14,
  HKD: 0.128,
  SGD: 0.75,
  AED: 0.272,
  RUB: 0.011,
  INR: 0.012,
  KRW: 0.00073,
  TRY: 0.029,
  MYR: 0.22,
  THB: 0.029,
  VND: 0.000039,
  IDR: 0.000063,
  CAD: 0.73,
  AUD: 0.66,
  BRL: 0.18,
  ZAR: 0.055,
  IRR: 0.000024,
  KPW: 0.0011,
};

/** The amount in US dollars, or undefined for a currency without a rate. */
export function valueInReferenceCurrency(amount: number, currency: string, rates: CurrencyRates = USD_REFERENCE_RATES): number | undefined {
  const rate = Object.hasOwn(rates, currency) ? rates[currency] : undefined;
  return rate === undefined ? undefined : amount * rate;
}
