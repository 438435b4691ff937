import { z } from 'zod';

/** A stable identifier: letters, digits, `.`, `_`, `-`; starts with a letter or digit. */
export const IdSchema = z
  .string()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u,
    'an id is letters, digits, ".", "_" or "-", starting with a letter or digit',
  )
  .describe('Stable identifier of this entity; other entities refer to it by this id. Keep it when the title changes.');

/** A reference to another entity by id. */
export const refTo = (what: string) => IdSchema.describe(`Id of ${what}.`);

/** A list of references to other entities by id. */
export const refsTo = (what: string) => z.array(refTo(what)).default([]).describe(`Ids of ${what}.`);

/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

/** A calendar month, `YYYY-MM`. */
export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
  .describe('A calendar month, YYYY-MM.');

/** A time of day, `HH:MM` (24-hour clock). */
export const TimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24-hour clock)')
  .describe('A time of day, HH:MM on the 24-hour clock, in the session time zone.');

/** An ISO 4217 currency code. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 currency code such as EUR, USD, RUB, UAH')
  .describe('ISO 4217 currency code, e.g. EUR, USD, RUB, UAH.');

/** An amount of money; the currency defaults to the session currency. */
export const MoneySchema = z
  .strictObject({
    amount: z.number().finite().describe('The amount, in whole or fractional units of the currency (not cents).'),
    currency: CurrencySchema.optional().describe('Currency of this amount; defaults to session.currency.'),
  })
  .describe('An amount of money. The currency defaults to the session currency.');

/** Free text written by the session. */
export const TextSchema = z.string().min(1, 'must not be empty');

/** An e-mail address. */
export const EmailSchema = z.email().describe('E-mail address, used for calendar invitations.');

/** A colour as `#RRGGBB`. */
export const ColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #RRGGBB')
  .describe('A colour, #RRGGBB.');

/** Supported document and message languages. */
export const LocaleSchema = z
  .enum(['en', 'ru', 'uk'])
  .describe('Language of the documents and messages: en, ru or uk.');
