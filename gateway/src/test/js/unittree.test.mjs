// Component tests of the unit tree's logic (unittree.js), run by ConsoleComponentsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forest, searchTree } from '../../main/resources/META-INF/resources/console/js/unittree.js';

const UNITS = [
    { id: 'hall-2', code: 'HALL-N2', name: 'Market Square Hall', parentId: 'north' },
    { id: 'co', code: 'CO', name: 'Telecom Company' },
    { id: 'north', code: 'CB-N', name: 'North City Branch', parentId: 'co' },
    { id: 'south', code: 'CB-S', name: 'South City Branch', parentId: 'co' },
    { id: 'hall-1', code: 'HALL-N1', name: 'Harbour Street Hall', parentId: 'north' },
    { id: 'hall-3', code: 'HALL-S1', name: 'Station Road Hall', parentId: 'south' },
];

test('the forest has the company as its root and children by code', () => {
    const tree = forest(UNITS);
    assert.deepEqual(tree.roots.map((u) => u.id), ['co']);
    assert.deepEqual(tree.children.get('co').map((u) => u.id), ['north', 'south']);
    assert.deepEqual(tree.children.get('north').map((u) => u.code), ['HALL-N1', 'HALL-N2']);
    assert.equal(tree.children.get('hall-1'), undefined, 'a hall has nothing below');
});

test('a unit whose parent the user cannot see is a root (a unit-scoped role\'s own units)', () => {
    const scoped = UNITS.filter((u) => u.id.startsWith('hall') || u.id === 'north');
    const tree = forest(scoped);
    assert.deepEqual(tree.roots.map((u) => u.id), ['north', 'hall-3']);
});

test('a search finds by code or name, whatever the case, and keeps the way to each match', () => {
    const tree = forest(UNITS);
    const found = searchTree(tree, '  harbour ');
    assert.deepEqual(found.matches.map((u) => u.id), ['hall-1']);
    assert.deepEqual(found.tree.roots.map((u) => u.id), ['co']);
    assert.deepEqual(found.tree.children.get('co').map((u) => u.id), ['north'], 'the south branch holds no match');
    assert.deepEqual(found.tree.children.get('north').map((u) => u.id), ['hall-1'], 'the other hall is left out');
    assert.deepEqual([...found.expanded].sort(), ['co', 'hall-1', 'north']);
    assert.deepEqual(searchTree(tree, 'hall-s').matches.map((u) => u.id), ['hall-3']);
});

test('a search that matches a branch shows the branch, not everything below it', () => {
    const found = searchTree(forest(UNITS), 'cb-n');
    assert.deepEqual(found.matches.map((u) => u.id), ['north']);
    assert.equal(found.tree.children.get('north'), undefined);
});

test('at most max matches are shown; all are counted', () => {
    const found = searchTree(forest(UNITS), 'hall', 2);
    assert.equal(found.matches.length, 3);
    assert.deepEqual(found.shown.map((u) => u.code), ['HALL-N1', 'HALL-N2']);
    assert.equal(found.tree.children.get('south'), undefined, 'the third match is not drawn');
});

test('no match is an empty forest', () => {
    const found = searchTree(forest(UNITS), 'nowhere');
    assert.equal(found.matches.length, 0);
    assert.deepEqual(found.tree.roots, []);
});
