// The unit tree: every unit the signed-in user may see, expandable, with a search by code or name.
// Organisation-wide roles read the whole list (/api/v1/units); unit-scoped roles read their own
// units and everything below them (/api/v1/units/{id}, /api/v1/units/{id}/descendants).
import { registerScreen } from '../app.js';
import { allItems, api } from '../api.js';
import { session } from '../session.js';
import { badge, el, loading, problemElement, replace, showProblem } from '../ui.js';
import { formatEnum } from '../format.js';
import { forest, searchTree } from '../unittree.js';

/** Search results shown at most; a narrower search shows the rest. */
const MAX_MATCHES = 200;
const PAGE_SIZE = 1000;

/**
 * The units this user may see, {units, problems}: a unit of the token that cannot be read (unknown,
 * or the service refuses it) is a problem shown above the tree, the others still show.
 */
async function visibleUnits(s) {
    if (s.units.length === 0) {
        return { units: await allItems('/api/v1/units', { pageSize: PAGE_SIZE }), problems: [] };
    }
    const byId = new Map();
    const problems = [];
    await Promise.all(s.units.map(async (id) => {
        try {
            const [unit, below] = await Promise.all([
                api('GET', `/api/v1/units/${encodeURIComponent(id)}`),
                allItems(`/api/v1/units/${encodeURIComponent(id)}/descendants`, { pageSize: PAGE_SIZE }),
            ]);
            [unit, ...below].forEach((u) => byId.set(u.id, u));
        } catch (e) {
            problems.push({ message: `Unit ${id} of your token: ${e.message}`, requestId: e.requestId });
        }
    }));
    return { units: [...byId.values()], problems };
}

function unitLink(u) {
    return el('a', { href: `#/units/${encodeURIComponent(u.id)}`, 'data-testid': 'unit-node', 'data-unit-id': u.id },
        u.name || u.code);
}

function nodeRow(u, tree, { expanded, onToggle }) {
    const kids = tree.children.get(u.id) || [];
    return el('div', { class: 'tree-row' },
        el('button', {
            type: 'button',
            class: `tree-toggle${kids.length === 0 ? ' leaf' : ''}`,
            'aria-expanded': kids.length === 0 ? false : String(expanded),
            'aria-label': `${expanded ? 'Collapse' : 'Expand'} ${u.name || u.code}`,
            disabled: kids.length === 0,
            onclick: onToggle,
        }, expanded ? '−' : '+'),
        unitLink(u),
        el('span', { class: 'unit-code' }, u.code),
        u.type ? badge(formatEnum(u.type)) : null,
        u.state === 'INACTIVE' ? badge('inactive', 'warn') : null,
        kids.length > 0 ? el('span', { class: 'muted' }, `${kids.length} below`) : null);
}

/** A subtree whose children are drawn when it is first expanded, so a large organisation stays quick. */
function node(u, tree, expandedIds) {
    const li = el('li', { 'data-unit-id': u.id });
    let list = null;
    let expanded = expandedIds.has(u.id);
    const draw = () => {
        const row = nodeRow(u, tree, {
            expanded,
            onToggle: () => {
                expanded = !expanded;
                draw();
            },
        });
        if (expanded) {
            list = list || el('ul', { class: 'tree' }, (tree.children.get(u.id) || []).map((c) => node(c, tree, expandedIds)));
        }
        replace(li, row, expanded ? list : null);
    };
    draw();
    return li;
}

registerScreen('units', {
    title: 'Units',
    nav: { label: 'Units', order: 10, requires: ['GET', '/api/v1/units/{id}'] },
    async render(container) {
        const body = el('div');
        replace(container, el('h1', {}, 'Units'), body);
        loading(body);
        let tree;
        let problems;
        try {
            const visible = await visibleUnits(session());
            tree = forest(visible.units);
            problems = visible.problems;
        } catch (e) {
            showProblem(body, e);
            return undefined;
        }
        const search = el('input', {
            type: 'search',
            'data-testid': 'unit-search',
            placeholder: 'Search by code or name',
            'aria-label': 'Search units by code or name',
        });
        const summary = el('p', { class: 'muted', 'aria-live': 'polite' });
        const treeSlot = el('div', { class: 'panel' });
        const draw = () => {
            const text = search.value;
            if (!text.trim()) {
                // The top two levels open: the company and its branches are what people start from.
                const expanded = new Set(tree.roots.map((r) => r.id));
                summary.textContent = `${tree.byId.size} units.`;
                replace(treeSlot, tree.roots.length === 0
                    ? el('p', { class: 'muted' }, 'No units to show.')
                    : el('ul', { class: 'tree root' }, tree.roots.map((r) => node(r, tree, expanded))));
                return;
            }
            const found = searchTree(tree, text, MAX_MATCHES);
            summary.textContent = found.matches.length === 0
                ? `No unit's code or name holds "${text.trim()}".`
                : found.matches.length > found.shown.length
                    ? `${found.matches.length} units match; the first ${found.shown.length} are shown: narrow the search.`
                    : `${found.matches.length} ${found.matches.length === 1 ? 'unit matches' : 'units match'}.`;
            replace(treeSlot, found.shown.length === 0
                ? null
                : el('ul', { class: 'tree root' }, found.tree.roots.map((r) => node(r, found.tree, found.expanded))));
        };
        let timer = null;
        search.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(draw, 120);
        });
        replace(body,
            problems.map(problemElement),
            el('div', { class: 'toolbar' }, el('label', {}, 'Search', search)),
            summary,
            treeSlot);
        draw();
        return () => clearTimeout(timer);
    },
});
