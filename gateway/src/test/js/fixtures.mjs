// Shared fixtures of the console's component tests: unsigned tokens (the console never verifies a
// token; the gateway does) and a small OpenAPI document in the shape the gateway publishes.

const b64 = (s) => Buffer.from(s).toString('base64url');

/** A JWT with these claims and a fake signature. */
export function token({ sub = 'someone@sqm.dev', groups = [], units = [], exp = Math.floor(Date.now() / 1000) + 3600 } = {}) {
    return [b64(JSON.stringify({ alg: 'RS256', typ: 'JWT' })), b64(JSON.stringify({ sub, groups, units, exp })), 'c2lnbmF0dXJl'].join('.');
}

/** Operations as /q/openapi?format=json states them: x-sqm-roles a list, or per verb an object. */
export const OPENAPI = {
    openapi: '3.1.0',
    paths: {
        '/api/v1/scorecards:recompute': {
            post: { 'x-sqm-rpc': 'sqm.scoring.v1.ScorecardService/RecomputeScorecards', 'x-sqm-roles': ['administrator', 'quality-manager'] },
        },
        '/api/v1/scorecards': {
            get: { 'x-sqm-roles': ['administrator', 'quality-manager', 'unit-manager', 'viewer', 'public-reader'] },
        },
        '/api/v1/units/{id}': {
            get: { 'x-sqm-roles': ['administrator', 'quality-manager', 'unit-manager', 'viewer', 'complaint-handler'] },
            patch: { 'x-sqm-roles': ['administrator'] },
        },
        '/api/v1/complaints/{id}:{verb}': {
            post: {
                'x-sqm-roles': {
                    acknowledge: ['complaint-handler'],
                    resolve: ['complaint-handler', 'quality-manager'],
                    withdraw: [],
                },
            },
        },
        '/api/v1/standards/{id}:newVersion': {
            post: { 'x-sqm-roles': ['administrator'] },
        },
        '/api/v1/standards/{id}:{verb}': {
            post: { 'x-sqm-roles': { publish: ['quality-manager'], retire: ['quality-manager'] } },
        },
        '/api/v1/operations/{id}': {
            get: { description: 'google.longrunning: its service decides' },
        },
        '/q/health': { get: {} },
    },
};
