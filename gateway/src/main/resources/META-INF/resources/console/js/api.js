// The one way the console calls the gateway: the public REST API under /api/v1 with the signed-in
// user's bearer token. Every non-2xx answer becomes an ApiError whose message says the problem in
// words. No DOM at import time (the component tests import it in Node with a fake fetch).
import { session, signOut } from './session.js';

/** What each status means to a person, before the server's own detail. */
const STATUS_WORDS = {
    0: 'The gateway could not be reached',
    400: 'The request was not accepted',
    401: 'Not signed in',
    403: 'Not permitted',
    404: 'Not found',
    405: 'Not allowed here',
    406: 'No answer in an acceptable format',
    409: 'Conflict',
    412: 'Changed meanwhile',
    413: 'Too large',
    415: 'Unsupported body',
    422: 'The request was not accepted',
    429: 'Too many requests',
    499: 'Cancelled',
    500: 'The server failed',
    501: 'Not implemented',
    502: 'A service answered badly',
    503: 'A service is unavailable',
    504: 'A service did not answer in time',
};

/** Words for an HTTP status. */
export function statusWords(status) {
    if (STATUS_WORDS[status]) {
        return STATUS_WORDS[status];
    }
    if (status >= 500) {
        return 'The server failed';
    }
    return 'The request failed';
}

/**
 * The problem in words: "Not permitted: This operation needs one of the roles quality-manager,
 * administrator. (403 PERMISSION_DENIED)", with every invalid field named.
 */
export function describeProblem({ status, title, detail, reason, fieldErrors = [] }) {
    let text = statusWords(status);
    const said = detail || (title && title !== text ? title : '');
    if (said) {
        text += `: ${said}`;
    }
    // The gateway's detail usually names the fields already; the others are added.
    const unsaid = fieldErrors
        .map((f) => (f.field ? `${f.field}: ${f.message}` : f.message))
        .filter((f) => !said.includes(f));
    if (unsaid.length > 0) {
        text += `${/[.!?]$/.test(text) ? '' : '.'} ${unsaid.join('; ')}`;
    }
    const code = status ? [status, reason].filter(Boolean).join(' ') : reason;
    return code ? `${text} (${code})` : text;
}

/** A refused or failed call: the problem+json answer, its status and request id, in words as .message. */
export class ApiError extends Error {
    constructor({ status = 0, title = '', detail = '', reason = '', fieldErrors = [], requestId = '', method = '', path = '' }) {
        super(describeProblem({ status, title, detail, reason, fieldErrors }));
        this.name = 'ApiError';
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.reason = reason;
        this.fieldErrors = fieldErrors;
        this.requestId = requestId;
        this.method = method;
        this.path = path;
    }
}

let lastSkewMillis = 0;

/** How far the gateway's clock was ahead of this browser's at the last answer (from its Date header). */
export function serverSkewMillis() {
    return lastSkewMillis;
}

/** A request id the gateway accepts (printable ASCII, at most 128 characters). */
export function newRequestId() {
    const c = globalThis.crypto;
    if (c && typeof c.randomUUID === 'function') {
        try {
            return c.randomUUID();
        } catch {
            // randomUUID needs a secure context in browsers; plain http on another host is not one.
        }
    }
    const bytes = new Uint8Array(16);
    if (c && typeof c.getRandomValues === 'function') {
        c.getRandomValues(bytes);
    } else {
        bytes.forEach((_, i) => { bytes[i] = Math.floor(Math.random() * 256); });
    }
    return 'console-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function url(path, query) {
    const params = new URLSearchParams();
    Object.entries(query || {}).forEach(([k, v]) => {
        if (v === undefined || v === null || v === '') {
            return;
        }
        (Array.isArray(v) ? v : [v]).forEach((x) => params.append(k, String(x)));
    });
    const q = params.toString();
    return q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path;
}

async function problemOf(response, method, path, requestId) {
    const type = response.headers.get('Content-Type') || '';
    let body = null;
    let text = '';
    try {
        text = await response.text();
        if (type.includes('json') && text) {
            body = JSON.parse(text);
        }
    } catch {
        body = null;
    }
    const b = body && typeof body === 'object' ? body : {};
    const errors = Array.isArray(b.errors) ? b.errors : Array.isArray(b.fieldErrors) ? b.fieldErrors : [];
    return new ApiError({
        status: response.status,
        title: b.title || response.statusText || '',
        // A non-problem answer (a proxy's HTML page) is not shown raw; its status says enough.
        detail: b.detail || (body === null && text && !/</.test(text) ? text.slice(0, 300) : ''),
        reason: b.reason || '',
        fieldErrors: errors.map((e) => ({ field: e.field || '', message: e.message || String(e) })),
        requestId: response.headers.get('X-Request-Id') || requestId,
        method,
        path,
    });
}

/** Where the login screen finds why the user was sent to it. */
export const LOGIN_PROBLEM_KEY = 'sqm.console.loginProblem';

function toLogin(error) {
    const loc = globalThis.location;
    if (!loc || String(loc.hash).startsWith('#/login')) {
        return;
    }
    try {
        // The login screen says why (expired, refused), and signing in again returns here.
        globalThis.sessionStorage?.setItem(LOGIN_PROBLEM_KEY, JSON.stringify({ message: error.message, requestId: error.requestId }));
        globalThis.sessionStorage?.setItem('sqm.console.returnTo', loc.hash);
    } catch {
        // Without session storage the login screen just does not say why.
    }
    loc.hash = '#/login';
}

/**
 * Calls the gateway: api('GET', '/api/v1/units', {query: {pageSize: 50}}) -> the parsed JSON (the
 * text for a non-JSON answer, null for an empty one). Adds Authorization (when signed in),
 * X-Request-Id and, with a body, Content-Type: application/json. A non-2xx answer throws ApiError; a
 * 401 also signs out and sends the user to #/login.
 */
export async function api(method, path, { query, body, headers = {} } = {}) {
    const requestId = newRequestId();
    const h = { Accept: 'application/json', 'X-Request-Id': requestId, ...headers };
    const s = session();
    if (s && !Object.keys(h).some((k) => k.toLowerCase() === 'authorization')) {
        h.Authorization = `Bearer ${s.token}`;
    }
    const init = { method, headers: h };
    if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
            h['Content-Type'] = 'application/json';
        }
    }
    let response;
    try {
        response = await fetch(url(path, query), init);
    } catch (e) {
        throw new ApiError({
            status: 0,
            detail: `${method} ${path} did not reach the gateway (${e && e.message ? e.message : e}).`,
            reason: 'NETWORK_ERROR',
            requestId,
            method,
            path,
        });
    }
    const date = response.headers.get('Date');
    if (date && !Number.isNaN(Date.parse(date))) {
        lastSkewMillis = Date.parse(date) - Date.now();
    }
    if (!response.ok) {
        const error = await problemOf(response, method, path, requestId);
        if (response.status === 401) {
            signOut();
            toLogin(error);
        }
        throw error;
    }
    if (response.status === 204) {
        return null;
    }
    const type = response.headers.get('Content-Type') || '';
    const text = await response.text();
    if (!text) {
        return null;
    }
    if (type.includes('json')) {
        try {
            return JSON.parse(text);
        } catch {
            throw new ApiError({ status: response.status, detail: 'The gateway answered JSON that does not parse.', reason: 'BAD_JSON', requestId, method, path });
        }
    }
    return text;
}

/**
 * Every page of an AIP-158 list (pageSize/pageToken in, {items, nextPageToken} out): yields each page
 * as the API answers it, following nextPageToken until it is empty.
 * for await (const page of pages('/api/v1/units', {pageSize: 200})) { page.items ... }
 */
export async function* pages(path, query = {}) {
    let pageToken;
    do {
        const page = await api('GET', path, { query: { ...query, pageToken } });
        yield page;
        pageToken = page && page.nextPageToken;
    } while (pageToken);
}

/** All items of an AIP-158 list, read page by page. */
export async function allItems(path, query = {}) {
    const items = [];
    for await (const page of pages(path, query)) {
        items.push(...((page && page.items) || []));
    }
    return items;
}
