// The signed-in user: a bearer token kept in the browser's local storage. The token's payload is
// decoded here only to show who is signed in and to hide what the roles may not do; the gateway
// verifies the signature on every call.

const KEY = 'sqm.console.token';
let memory = null;
const listeners = new Set();

function storage() {
    try {
        return globalThis.localStorage || null;
    } catch {
        // Storage can be refused (privacy settings): the session then lasts as long as the page.
        return null;
    }
}

function read() {
    const s = storage();
    return s ? s.getItem(KEY) : memory;
}

function write(token) {
    const s = storage();
    if (s) {
        if (token) {
            s.setItem(KEY, token);
        } else {
            s.removeItem(KEY);
        }
    } else {
        memory = token;
    }
    listeners.forEach((fn) => fn(session()));
}

function base64UrlDecode(part) {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
}

/**
 * The claims of a JWT: {subject, roles, units, expiresAt (ISO-8601 or null)}. Throws an Error in
 * words when the text is not a JWT.
 */
export function decodeToken(token) {
    const parts = String(token || '').trim().split('.');
    if (parts.length !== 3) {
        throw new Error('This is not a bearer token: a JWT has three parts separated by dots.');
    }
    let claims;
    try {
        claims = JSON.parse(base64UrlDecode(parts[1]));
    } catch {
        throw new Error('This is not a bearer token: its middle part is not base64url-encoded JSON.');
    }
    const groups = Array.isArray(claims.groups) ? claims.groups : [];
    return {
        subject: claims.sub || claims.upn || '',
        roles: groups.map(String),
        units: Array.isArray(claims.units) ? claims.units.map(String) : [],
        expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null,
    };
}

/**
 * The current session, {token, subject, roles[], units[], expiresAt}, or null when nobody is signed
 * in or the token has expired (an expired token is forgotten).
 */
export function session(nowMillis = Date.now()) {
    const token = read();
    if (!token) {
        return null;
    }
    let claims;
    try {
        claims = decodeToken(token);
    } catch {
        write(null);
        return null;
    }
    if (claims.expiresAt && Date.parse(claims.expiresAt) <= nowMillis) {
        write(null);
        return null;
    }
    return { token, ...claims };
}

/** Signs in with a bearer token; throws an Error in words when it is not one or has expired. */
export function signIn(token) {
    const text = String(token || '').trim().replace(/^Bearer\s+/i, '');
    const claims = decodeToken(text);
    if (claims.expiresAt && Date.parse(claims.expiresAt) <= Date.now()) {
        throw new Error(`This token expired at ${claims.expiresAt}.`);
    }
    write(text);
    return session();
}

/** Forgets the token. */
export function signOut() {
    write(null);
}

/** Calls fn(session or null) whenever someone signs in or out; returns the unsubscribe function. */
export function onSessionChange(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
}
