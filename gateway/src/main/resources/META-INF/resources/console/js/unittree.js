// The unit tree's logic, free of the DOM (the component tests run it in Node): a forest from the
// units a user may see, and a search that keeps each match's ancestors so it shows in place.

/**
 * The forest of these units: {byId, children (parent id -> units, by code), roots (by code)}. A root
 * is a unit without a parent, or whose parent the user cannot see (a unit-scoped role's own units).
 */
export function forest(units) {
    const byId = new Map(units.map((u) => [u.id, u]));
    const children = new Map();
    const roots = [];
    const byCode = (a, b) => String(a.code).localeCompare(String(b.code));
    byId.forEach((u) => {
        if (u.parentId && byId.has(u.parentId)) {
            if (!children.has(u.parentId)) {
                children.set(u.parentId, []);
            }
            children.get(u.parentId).push(u);
        } else {
            roots.push(u);
        }
    });
    children.forEach((list) => list.sort(byCode));
    roots.sort(byCode);
    return { byId, children, roots };
}

/**
 * The units whose code or name holds the text (case-insensitive), at most max of them, in a forest
 * of their own with their ancestors: {matches (all), shown (at most max), tree, expanded (the ids to
 * show open: every unit on the way to a shown match)}.
 */
export function searchTree(tree, text, max = 200) {
    const needle = String(text || '').trim().toLowerCase();
    const matches = [...tree.byId.values()]
        .filter((u) => String(u.code || '').toLowerCase().includes(needle) || String(u.name || '').toLowerCase().includes(needle))
        .sort((a, b) => String(a.code).localeCompare(String(b.code)));
    const shown = matches.slice(0, max);
    const keep = new Set();
    shown.forEach((u) => {
        for (let x = u; x && !keep.has(x.id); x = tree.byId.get(x.parentId)) {
            keep.add(x.id);
        }
    });
    const children = new Map();
    tree.children.forEach((list, parent) => {
        if (keep.has(parent)) {
            const kept = list.filter((c) => keep.has(c.id));
            if (kept.length > 0) {
                children.set(parent, kept);
            }
        }
    });
    return {
        matches,
        shown,
        tree: { byId: tree.byId, children, roots: tree.roots.filter((r) => keep.has(r.id)) },
        expanded: keep,
    };
}
