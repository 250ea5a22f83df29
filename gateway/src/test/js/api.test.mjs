// Component tests of the console's API client (api.js): headers, and every failure in words. A fake
// fetch stands in for the gateway. Run by ConsoleComponentsTest.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, LOGIN_PROBLEM_KEY, api, describeProblem, pages } from '../../main/resources/META-INF/resources/console/js/api.js';
import { session, signIn, signOut } from '../../main/resources/META-INF/resources/console/js/session.js';
import { token } from './fixtures.mjs';

const realFetch = globalThis.fetch;
let calls;

function answer(status, body, type = 'application/json', headers = {}) {
    return async (url, init) => {
        calls.push({ url, init });
        return new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), {
            status,
            headers: { 'Content-Type': type, ...headers },
        });
    };
}

/** A session storage like the browser's, for the 401 path. */
class MemoryStorage {
    constructor() {
        this.values = new Map();
    }

    getItem(k) {
        return this.values.has(k) ? this.values.get(k) : null;
    }

    setItem(k, v) {
        this.values.set(k, String(v));
    }

    removeItem(k) {
        this.values.delete(k);
    }
}

beforeEach(() => {
    calls = [];
    signOut();
    globalThis.location = { hash: '#/units' };
    globalThis.sessionStorage = new MemoryStorage();
});

afterEach(() => {
    globalThis.fetch = realFetch;
    delete globalThis.location;
    delete globalThis.sessionStorage;
});

test('a call carries the bearer token and a request id, and returns the parsed JSON', async () => {
    const t = token({ groups: ['quality-manager'] });
    signIn(t);
    globalThis.fetch = answer(200, { id: 'u-1', name: 'Hall' });
    const unit = await api('GET', '/api/v1/units/u-1', { query: { view: 'full', empty: '', skip: undefined } });
    assert.deepEqual(unit, { id: 'u-1', name: 'Hall' });
    assert.equal(calls[0].url, '/api/v1/units/u-1?view=full');
    assert.equal(calls[0].init.headers.Authorization, `Bearer ${t}`);
    assert.match(calls[0].init.headers['X-Request-Id'], /^[\x21-\x7e]{1,128}$/);
    assert.equal(calls[0].init.body, undefined);
});

test('a body is sent as JSON', async () => {
    globalThis.fetch = answer(202, { name: 'operations/1' });
    await api('POST', '/api/v1/scorecards:recompute', { body: { period: '2026-03' }, headers: { 'If-Match': '"e1"' } });
    assert.equal(calls[0].init.body, '{"period":"2026-03"}');
    assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
    assert.equal(calls[0].init.headers['If-Match'], '"e1"');
    assert.equal(calls[0].init.headers.Authorization, undefined, 'nobody signed in: no token');
});

test('a 403 problem is an ApiError in words with its reason', async () => {
    globalThis.fetch = answer(403, {
        type: 'urn:sqm:problem:PERMISSION_DENIED',
        title: 'Forbidden',
        status: 403,
        detail: 'This operation needs one of the roles administrator, quality-manager.',
        reason: 'PERMISSION_DENIED',
    }, 'application/problem+json', { 'X-Request-Id': 'req-42' });
    const error = await api('POST', '/api/v1/scorecards:recompute', { body: {} }).catch((e) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 403);
    assert.equal(error.reason, 'PERMISSION_DENIED');
    assert.equal(error.requestId, 'req-42');
    assert.equal(error.message,
        'Not permitted: This operation needs one of the roles administrator, quality-manager. (403 PERMISSION_DENIED)');
});

test('a 400 names every invalid field', async () => {
    globalThis.fetch = answer(400, {
        status: 400,
        title: 'Bad Request',
        detail: 'period: must look like 2026-03',
        reason: 'INVALID_FIELDS',
        errors: [{ field: 'period', message: 'must look like 2026-03' }, { field: 'pageSize', message: 'must not be negative' }],
    }, 'application/problem+json');
    const error = await api('GET', '/api/v1/leagueTables').catch((e) => e);
    assert.deepEqual(error.fieldErrors, [
        { field: 'period', message: 'must look like 2026-03' },
        { field: 'pageSize', message: 'must not be negative' },
    ]);
    assert.equal(error.message, 'The request was not accepted: period: must look like 2026-03. '
        + 'pageSize: must not be negative (400 INVALID_FIELDS)', 'a field the detail names is not repeated');
});

test('a 401 signs out and sends the user to log in', async () => {
    signIn(token({ groups: ['viewer'], units: ['u-1'] }));
    globalThis.fetch = answer(401, { status: 401, detail: 'The bearer token is invalid or expired.', reason: 'INVALID_TOKEN' }, 'application/problem+json');
    const error = await api('GET', '/api/v1/units').catch((e) => e);
    assert.equal(error.message, 'Not signed in: The bearer token is invalid or expired. (401 INVALID_TOKEN)');
    assert.equal(session(), null);
    assert.equal(globalThis.location.hash, '#/login');
    const why = JSON.parse(globalThis.sessionStorage.getItem(LOGIN_PROBLEM_KEY));
    assert.equal(why.message, error.message, 'the login screen says why');
    assert.equal(globalThis.sessionStorage.getItem('sqm.console.returnTo'), '#/units');
});

test('an answer that is no problem (a proxy page) still reads in words', async () => {
    globalThis.fetch = answer(502, '<html><body>Bad gateway</body></html>', 'text/html');
    const error = await api('GET', '/api/v1/units').catch((e) => e);
    assert.equal(error.status, 502);
    assert.equal(error.message, 'A service answered badly (502)');
});

test('a 503 without a body says which kind of failure it is', async () => {
    globalThis.fetch = answer(503, null, 'application/problem+json');
    const error = await api('GET', '/api/v1/units').catch((e) => e);
    assert.equal(error.message, 'A service is unavailable (503)');
});

test('an unreachable gateway is an ApiError too', async () => {
    globalThis.fetch = async () => {
        throw new TypeError('fetch failed');
    };
    const error = await api('GET', '/api/v1/units').catch((e) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 0);
    assert.equal(error.message,
        'The gateway could not be reached: GET /api/v1/units did not reach the gateway (fetch failed). (NETWORK_ERROR)');
});

test('text answers come back as text, empty ones as null', async () => {
    globalThis.fetch = answer(200, 'rank,status\r\n', 'text/csv');
    assert.equal(await api('GET', '/api/v1/leagueTables', { headers: { Accept: 'text/csv' } }), 'rank,status\r\n');
    globalThis.fetch = answer(204, null);
    assert.equal(await api('POST', '/api/v1/x'), null);
});

test('pages follows nextPageToken to the end', async () => {
    const served = [
        { items: [1, 2], nextPageToken: 'p2' },
        { items: [3], nextPageToken: '' },
    ];
    globalThis.fetch = async (url) => {
        calls.push({ url });
        return new Response(JSON.stringify(served[calls.length - 1]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const items = [];
    for await (const page of pages('/api/v1/units', { pageSize: 2 })) {
        items.push(...page.items);
    }
    assert.deepEqual(items, [1, 2, 3]);
    assert.deepEqual(calls.map((c) => c.url), ['/api/v1/units?pageSize=2', '/api/v1/units?pageSize=2&pageToken=p2']);
});

test('describeProblem works on any problem-like object', () => {
    assert.equal(describeProblem({ status: 404, detail: 'No unit u-9.', reason: 'UNIT_NOT_FOUND' }), 'Not found: No unit u-9. (404 UNIT_NOT_FOUND)');
    assert.equal(describeProblem({ status: 409, title: 'Conflict', reason: 'ETAG_MISMATCH' }), 'Conflict (409 ETAG_MISMATCH)');
    assert.equal(describeProblem({ status: 418 }), 'The request failed (418)');
});
