import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formIssueKey } from './form-issues';
import { oneLine } from './text';

const messages = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value, { error: formIssueKey });
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('formIssueKey', () => {
  const Form = z.object({ subject: oneLine().min(1).max(5), email: z.email(), tags: z.array(z.string()).min(1) });

  it('turns contract issues into the SPA keys, and keeps the code of a text rule', () => {
    expect(messages(Form, { subject: '', email: 'x@y.se', tags: ['a'] })).toEqual(['validation.required']);
    expect(messages(Form, { subject: 'far too long', email: 'x@y.se', tags: ['a'] })).toEqual(['validation.tooLong']);
    expect(messages(Form, { subject: 'ok', email: 'nope', tags: ['a'] })).toEqual(['validation.email']);
    expect(messages(Form, { subject: 'a\nb', email: 'x@y.se', tags: ['a'] })).toEqual(['errors:line_breaks_not_allowed']);
    expect(messages(Form, { email: 'x@y.se', tags: [] })).toEqual(['validation.required', 'validation.required']);
    // An empty e-mail is missing, not malformed; a too-short username is invalid, an empty one missing.
    expect(messages(Form, { subject: 'ok', email: '', tags: ['a'] })).toEqual(['validation.required']);
    expect(messages(z.object({ login: z.string().min(3) }), { login: '' })).toEqual(['validation.required']);
    expect(messages(z.object({ login: z.string().min(3) }), { login: 'ab' })).toEqual(['validation.invalid']);
  });
});
