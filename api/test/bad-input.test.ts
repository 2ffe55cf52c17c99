import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, makeLandlord, PDF, PNG, signIn, type TestLandlord } from './helpers';

let t: Awaited<ReturnType<typeof createTestApp>>;
let l: TestLandlord;
let tenant: Client;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  l = await makeLandlord(t.app);
  tenant = await signIn(t.app, 'portal', l.companyUser.email);
  admin = await signIn(t.app, 'staff', l.admin.email);
});
afterAll(() => t.close());

const NUL = '\u0000';
const errorOf = (res: { json: () => { error: { code: string; issues?: { path: string; code?: string; message: string }[] } } }) =>
  res.json().error;

describe('control characters (Postgres refuses NUL; nobody types the rest)', () => {
  it('refuses NUL in the sign-in form with 400 invalid_characters, not 500', async () => {
    const anonymous = new Client(t.app);
    for (const body of [
      { email: `a${NUL}@b.test`, password: 'x' },
      { email: l.admin.email, password: `pass${NUL}word` },
    ]) {
      const res = await anonymous.post('/api/v1/auth/staff/login', body);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('invalid_characters');
    }
    const portal = await anonymous.post('/api/v1/auth/portal/login', { email: `${NUL}`, password: `${NUL}` });
    expect(errorOf(portal).code).toBe('invalid_characters');
  });

  it('names the field, in the caller’s language, in the issues', async () => {
    const res = await new Client(t.app).post(
      '/api/v1/auth/portal/login',
      { email: `a${NUL}@b.test`, password: 'x' },
      { 'accept-language': 'sv' },
    );
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('invalid_characters');
    expect(error.issues).toEqual([
      { path: 'email', code: 'invalid_characters', message: 'Texten innehåller tecken som inte är tillåtna.' },
    ]);
    // Through the contract (no NUL, so the catch-all guard lets it pass): same code, same shape.
    const tab = await new Client(t.app).post(
      '/api/v1/auth/portal/login',
      { email: `a\t@b.test`, password: 'x' },
      { 'accept-language': 'da' },
    );
    expect(errorOf(tab).issues).toEqual([
      { path: 'email', code: 'invalid_characters', message: 'Teksten indeholder tegn, der ikke er tilladt.' },
    ]);
  });

  it('refuses other C0 controls too, in bodies, queries and fields no contract names', async () => {
    const ansi = await tenant.post('/api/v1/portal/cases', { leaseId: l.office.id, title: 'Dörr\u001b[31m', description: 'x' });
    expect(errorOf(ansi)).toMatchObject({ code: 'invalid_characters', issues: [{ path: 'title' }] });
    const query = await admin.get(`/api/v1/cases?q=${encodeURIComponent(`a${NUL}`)}`);
    expect(query.statusCode).toBe(400);
    expect(errorOf(query)).toMatchObject({ code: 'invalid_characters', issues: [{ path: 'querystring.q' }] });
    // A key the contract strips still never gets past the guard.
    const extra = await admin.patch('/api/v1/settings', { name: 'Ok', nested: { deeper: [`x${NUL}`] } });
    expect(errorOf(extra)).toMatchObject({ code: 'invalid_characters', issues: [{ path: 'nested.deeper.0' }] });
    const param = await admin.get(`/api/v1/cases/${encodeURIComponent(NUL)}`);
    expect(param.statusCode).toBe(400);
  });
});

describe('half surrogate pairs (not characters; Postgres refuses them in JSON)', () => {
  it('refuses them with invalid_characters instead of failing on the outbox payload', async () => {
    for (const description of ['\ud804\tx', 'x\udc9b', '\udc9b\ud804']) {
      const res = await admin.post('/api/v1/cases/related', { title: 'Vattnet stängs av', description, customerId: l.company.customer.id });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'invalid_characters', issues: [{ path: 'description' }] });
    }
    const paired = await admin.post('/api/v1/cases/related', {
      title: 'Vattnet 💧',
      description: 'Hela dagen 💧',
      customerId: l.company.customer.id,
    });
    expect(paired.statusCode).toBe(201);
  });
});

describe('line breaks', () => {
  it('refuses CR/LF in one-line fields and keeps them in free text', async () => {
    for (const subject of ['Hej\nBcc: x@y.test', 'Hej\r\nthere', 'Hej\u2028där']) {
      const res = await tenant.post('/api/v1/portal/threads', { leaseId: l.office.id, subject, body: 'x' });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'line_breaks_not_allowed', issues: [{ path: 'subject' }] });
    }
    const name = await admin.patch('/api/v1/settings', { name: 'Göta\nFastigheter' });
    expect(errorOf(name).code).toBe('line_breaks_not_allowed');
    const title = await tenant.post('/api/v1/portal/cases', { leaseId: l.office.id, title: 'a\nb', description: 'x', street: 'y' });
    expect(errorOf(title).code).toBe('line_breaks_not_allowed');

    const ok = await tenant.post('/api/v1/portal/threads', {
      leaseId: l.office.id,
      subject: ' Hej ',
      body: 'Rad ett\r\nRad två\n\tindrag',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().subject).toBe('Hej');
    expect(ok.json().messages[0].body).toBe('Rad ett\r\nRad två\n\tindrag');
  });
});

describe('dates', () => {
  it('refuses years outside 1900–2200 with date_out_of_range', async () => {
    for (const url of [
      '/api/v1/cases?from=0000-01-01',
      '/api/v1/cases?to=9999-12-31',
      '/api/v1/cases/stats?from=0000-01-01',
      '/api/v1/cases?month=0000-01',
    ]) {
      const res = await admin.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(errorOf(res).code, url).toBe('date_out_of_range');
    }
    const created = await admin.post('/api/v1/cases', {
      customerId: l.company.customer.id,
      leaseId: l.office.id,
      title: 'Lampa',
      description: 'Trasig',
    });
    expect(created.statusCode).toBe(201);
    const workOrder = (performedAt: string) =>
      admin.post(`/api/v1/cases/${created.json().id}/work-orders`, { description: 'Bytt', performedAt, minutes: 10, materialCostMinor: 0 });
    for (const performedAt of ['0000-01-01T10:00:00Z', '2201-01-01T00:00:00+01:00']) {
      const res = await workOrder(performedAt);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({ code: 'date_out_of_range', issues: [{ path: 'performedAt' }] });
    }
    expect((await workOrder('2026-03-01T10:00:00+01:00')).statusCode).toBe(201);
    // A month that cannot exist is a shape error, not a crash.
    expect(errorOf(await admin.get('/api/v1/cases?month=2026-13')).code).toBe('validation_failed');
  });
});

describe('malformed bodies', () => {
  const raw = (url: string, payload: string | Buffer, contentType: string) =>
    t.app.inject({ method: 'POST', url, payload, headers: { ...tenant.headers(), 'content-type': contentType } });

  it('answers broken JSON with malformed_request and keeps validation_failed for schema errors', async () => {
    for (const payload of ['{nope', '{"subject": "x",', '\u0000', '']) {
      const res = await raw('/api/v1/portal/threads', payload, 'application/json');
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(res).code).toBe('malformed_request');
    }
    const schema = await tenant.post('/api/v1/portal/threads', { subject: 42 });
    expect(errorOf(schema).code).toBe('validation_failed');
  });

  it('answers broken multipart uploads with 400, never 500', async () => {
    const b = 'XyZ123';
    const part = (name: string, filename?: string, body = PNG.toString('latin1')) =>
      `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\nContent-Type: image/png\r\n\r\n${body}\r\n`;
    const cases: [string, string | Buffer, string][] = [
      ['wrong boundary', Buffer.from(`${part('file', 'a.png')}--${b}--\r\n`, 'latin1'), 'multipart/form-data; boundary=Other'],
      ['no boundary', Buffer.from(`${part('file', 'a.png')}--${b}--\r\n`, 'latin1'), 'multipart/form-data'],
      [
        'truncated part',
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Ty`, 'latin1'),
        `multipart/form-data; boundary=${b}`,
      ],
      ['no closing boundary', Buffer.from(part('file', 'a.png'), 'latin1'), `multipart/form-data; boundary=${b}`],
      ['only a text field', Buffer.from(`${part('note')}--${b}--\r\n`, 'latin1'), `multipart/form-data; boundary=${b}`],
      ['file under another name', Buffer.from(`${part('other', 'a.png')}--${b}--\r\n`, 'latin1'), `multipart/form-data; boundary=${b}`],
      ['empty body', '', `multipart/form-data; boundary=${b}`],
      ['garbage', Buffer.from([0, 1, 2, 3, 255, 254]), `multipart/form-data; boundary=${b}`],
    ];
    for (const [label, payload, contentType] of cases) {
      const res = await raw('/api/v1/portal/uploads', payload, contentType);
      expect(res.statusCode, `${label}: ${res.body}`).toBe(400);
      expect(['malformed_request', 'upload_missing'], label).toContain(errorOf(res).code);
    }
  });
});

describe('file names', () => {
  it('stores and serves an upload without bidirectional or control characters in its name', async () => {
    const res = await tenant.upload('/api/v1/portal/uploads', PDF, 'invoice\u202Efdp.exe\u200F\u2066x\u0007.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json().filename).toBe('invoicefdp.exex.pdf');
    const thread = await tenant.post('/api/v1/portal/threads', {
      leaseId: l.office.id,
      subject: 'Faktura',
      body: 'Se bilaga',
      attachmentIds: [res.json().id],
    });
    expect(thread.json().messages[0].attachments[0].filename).toBe('invoicefdp.exex.pdf');
    const file = await tenant.get(`/api/v1/portal/attachments/${res.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''invoicefdp.exex.pdf");
    const png = await tenant.upload('/api/v1/portal/uploads', PNG, '\u202E\u2069', 'image/png');
    expect(png.json().filename).toBe('attachment.png');
  });
});
