// What the signed-in roles may do, read from the gateway's own OpenAPI document: every /api
// operation states the roles that may call it (x-sqm-roles; per verb for the state-change
// operations). The console offers only what can() allows; the gateway still checks every call.
import { session } from './session.js';

/** The group of a service token: it may call everything. */
const SERVICE = 'service';

let loading = null;
let operations = [];
let loaded = false;

/** Whether the OpenAPI document has been read. */
export function permissionsLoaded() {
    return loaded;
}

function templateRegex(template) {
    const names = [];
    const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
            const m = /^\{([^}:]+)(?::[^}]*)?\}$/.exec(part);
            if (m) {
                names.push(m[1]);
                return '([^/:]+)';
            }
            return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
    return { regex: new RegExp(`^${source}$`), names };
}

/**
 * Takes an OpenAPI document (the parsed JSON of /q/openapi?format=json); the tests give one directly.
 */
export function setOpenApi(document) {
    const list = [];
    Object.entries((document && document.paths) || {}).forEach(([template, item]) => {
        Object.entries(item || {}).forEach(([method, operation]) => {
            if (!operation || typeof operation !== 'object' || !/^(get|put|post|patch|delete|head|options)$/.test(method)) {
                return;
            }
            const { regex, names } = templateRegex(template);
            list.push({
                method: method.toUpperCase(),
                template,
                regex,
                names,
                params: names.length,
                roles: operation['x-sqm-roles'],
            });
        });
    });
    // The most literal template wins: /api/v1/standards:import before /api/v1/standards/{id}.
    list.sort((a, b) => a.params - b.params || b.template.length - a.template.length);
    operations = list;
    loaded = true;
}

/**
 * Reads /q/openapi?format=json once (later calls share the first); resolves when can() can answer.
 * A failure is thrown as an Error in words and the next call tries again.
 */
export function loadPermissions(fetchImpl = globalThis.fetch) {
    if (!loading) {
        loading = (async () => {
            let response;
            try {
                response = await fetchImpl('/q/openapi?format=json', { headers: { Accept: 'application/json' } });
            } catch (e) {
                throw new Error(`The API description (/q/openapi) could not be read: ${e && e.message ? e.message : e}`);
            }
            if (!response.ok) {
                throw new Error(`The API description (/q/openapi) could not be read: HTTP ${response.status}.`);
            }
            setOpenApi(await response.json());
        })();
        loading.catch(() => {
            loading = null;
        });
    }
    return loading;
}

/** The operation a method and path (a template such as /api/v1/units/{id}, or a concrete path) stand for. */
export function operationFor(method, path) {
    const m = String(method).toUpperCase();
    const p = String(path).split('?')[0];
    for (const op of operations) {
        if (op.method !== m) {
            continue;
        }
        const match = op.regex.exec(p);
        if (match) {
            const values = {};
            op.names.forEach((name, i) => {
                values[name] = match[i + 1];
            });
            return { ...op, values };
        }
    }
    return null;
}

/** The roles the document lets call this method and path; null when it states none (the service decides). */
export function rolesFor(method, path) {
    const op = operationFor(method, path);
    if (!op) {
        return [];
    }
    const roles = op.roles;
    if (roles === undefined || roles === null) {
        return null;
    }
    if (Array.isArray(roles)) {
        return roles;
    }
    // Per verb: /api/v1/complaints/{id}:{verb} states {acknowledge: [...], resolve: [...]}.
    const verb = op.values.verb;
    if (verb && !/^\{.*\}$/.test(verb)) {
        return Array.isArray(roles[verb]) ? roles[verb] : [];
    }
    return [...new Set(Object.values(roles).flat())];
}

/**
 * Whether the signed-in roles may call this operation: can('POST', '/api/v1/scorecards:recompute'),
 * can('POST', '/api/v1/complaints/{id}:resolve'), can('GET', `/api/v1/units/${id}`). False when nobody
 * is signed in, before the document is loaded, and for an operation the document does not have. An
 * operation whose RPC states no roles (google.longrunning's) is left to its service: true when signed in.
 */
export function can(method, path, current = session()) {
    if (!current || !loaded) {
        return false;
    }
    const roles = rolesFor(method, path);
    if (roles === null) {
        return true;
    }
    if (current.roles.includes(SERVICE)) {
        return operationFor(method, path) !== null;
    }
    return roles.some((r) => current.roles.includes(r));
}
