/**
 * Plural forms in messages, written as @wxt-dev/i18n writes them:
 * "$1 result | $1 results" (one | other) or "none | one | other". The form is
 * chosen by Intl.PluralRules for the language the messages are in, so a
 * language with one form (Chinese) simply writes one.
 */
export function pickPlural(message: string, count: number, language: string): string {
  const forms = message.split(' | ');
  if (forms.length === 1) return forms[0];
  const category = new Intl.PluralRules(language).select(count);
  if (forms.length === 2) return category === 'one' ? forms[0] : forms[1];
  return count === 0 ? forms[0] : category === 'one' ? forms[1] : forms[forms.length - 1];
}
