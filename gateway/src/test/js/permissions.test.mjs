// Component tests of can() (permissions.js) against a small OpenAPI document, run by ConsoleComponentsTest.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import {
    can, loadPermissions, permissionsLoaded, rolesFor, setOpenApi,
} from '../../main/resources/META-INF/resources/console/js/permissions.js';
import { signIn, signOut } from '../../main/resources/META-INF/resources/console/js/session.js';
import { OPENAPI, token } from './fixtures.mjs';

beforeEach(() => {
    signOut();
    setOpenApi(OPENAPI);
});

test('nobody signed in may do nothing', () => {
    assert.equal(can('GET', '/api/v1/units/{id}'), false);
});

test('a role listed in x-sqm-roles may call the operation; another may not', () => {
    signIn(token({ groups: ['quality-manager'] }));
    assert.equal(can('POST', '/api/v1/scorecards:recompute'), true);
    assert.equal(can('PATCH', '/api/v1/units/{id}'), false);
    signIn(token({ groups: ['viewer'], units: ['u-1'] }));
    assert.equal(can('POST', '/api/v1/scorecards:recompute'), false);
    assert.equal(can('GET', '/api/v1/scorecards'), true);
});

test('concrete paths match their templates; the method counts', () => {
    signIn(token({ groups: ['unit-manager'], units: ['u-1'] }));
    assert.equal(can('GET', '/api/v1/units/7f1c2a'), true);
    assert.equal(can('get', '/api/v1/units/7f1c2a?view=full'), true);
    assert.equal(can('DELETE', '/api/v1/units/7f1c2a'), false, 'no such operation');
    assert.equal(can('GET', '/api/v1/nowhere'), false, 'no such path');
});

test('state changes are decided per verb', () => {
    signIn(token({ groups: ['complaint-handler'], units: ['u-1'] }));
    assert.equal(can('POST', '/api/v1/complaints/{id}:acknowledge'), true);
    assert.equal(can('POST', '/api/v1/complaints/c-9:resolve'), true);
    assert.equal(can('POST', '/api/v1/complaints/{id}:withdraw'), false, 'a verb open to no role');
    assert.equal(can('POST', '/api/v1/complaints/{id}:explode'), false, 'an unknown verb');
    signIn(token({ groups: ['quality-manager'] }));
    assert.equal(can('POST', '/api/v1/complaints/{id}:acknowledge'), false);
    assert.equal(can('POST', '/api/v1/complaints/{id}:resolve'), true);
    assert.deepEqual(rolesFor('POST', '/api/v1/complaints/{id}:resolve'), ['complaint-handler', 'quality-manager']);
});

test('a literal verb in the template wins over {verb}', () => {
    signIn(token({ groups: ['administrator'] }));
    assert.equal(can('POST', '/api/v1/standards/{id}:newVersion'), true);
    assert.equal(can('POST', '/api/v1/standards/{id}:publish'), false);
    signIn(token({ groups: ['quality-manager'] }));
    assert.equal(can('POST', '/api/v1/standards/{id}:newVersion'), false);
    assert.equal(can('POST', '/api/v1/standards/{id}:publish'), true);
});

test('an operation that states no roles is left to its service: offered when signed in', () => {
    signIn(token({ groups: ['viewer'], units: ['u-1'] }));
    assert.equal(rolesFor('GET', '/api/v1/operations/{id}'), null);
    assert.equal(can('GET', '/api/v1/operations/op-1'), true);
});

test('a service token may call every operation the document has', () => {
    signIn(token({ sub: 'service:scoring', groups: ['service'] }));
    assert.equal(can('PATCH', '/api/v1/units/{id}'), true);
    assert.equal(can('POST', '/api/v1/complaints/{id}:withdraw'), true);
    assert.equal(can('GET', '/api/v1/nowhere'), false);
});

test('an expired token is no session', () => {
    assert.throws(() => signIn(token({ groups: ['administrator'], exp: 1000 })), /expired/);
    assert.equal(can('GET', '/api/v1/units/{id}'), false);
});

test('the document is read once from /q/openapi?format=json; a failure is an error in words and is retried', async () => {
    const asked = [];
    const failing = async (url) => {
        asked.push(url);
        return new Response('nope', { status: 503 });
    };
    // A fresh module instance, so the document loaded by setOpenApi above does not count.
    const fresh = await import('../../main/resources/META-INF/resources/console/js/permissions.js?fresh=1');
    await assert.rejects(fresh.loadPermissions(failing), /could not be read: HTTP 503/);
    const working = async (url) => {
        asked.push(url);
        return new Response(JSON.stringify(OPENAPI), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    await fresh.loadPermissions(working);
    await fresh.loadPermissions(working);
    assert.deepEqual(asked, ['/q/openapi?format=json', '/q/openapi?format=json']);
    assert.equal(fresh.permissionsLoaded(), true);
    assert.equal(typeof loadPermissions, 'function');
    assert.equal(permissionsLoaded(), true);
});
