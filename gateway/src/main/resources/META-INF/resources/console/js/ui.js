// Small DOM helpers shared by the screens. The document is touched only when a helper is called.

/**
 * Creates an element: el('a', {href: '#/units', 'data-testid': 'nav-units', onclick: fn}, 'Units').
 * Attributes: on<event> functions become listeners; class, style and data-* are attributes; value,
 * checked, disabled, selected are set as properties; false, null and undefined leave an attribute out.
 * Children: nodes, strings and numbers (as text), arrays (flattened); null and false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => {
        if (value === false || value === null || value === undefined) {
            return;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            e.addEventListener(name.slice(2).toLowerCase(), value);
        } else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected') {
            e[name] = value;
            if (name !== 'value') {
                e.setAttribute(name, '');
            }
        } else {
            e.setAttribute(name, value === true ? '' : String(value));
        }
    });
    append(e, children);
    return e;
}

function append(parent, children) {
    children.flat(Infinity).forEach((child) => {
        if (child === null || child === undefined || child === false) {
            return;
        }
        parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
}

/** Empties an element and puts the children in. */
export function replace(container, ...children) {
    container.replaceChildren();
    append(container, children);
    return container;
}

/**
 * The element that shows an error in words (data-testid="problem", role="alert"): an ApiError's
 * message (which names every invalid field) and the request id to quote when asking for help.
 */
export function problemElement(error) {
    const message = error && error.message ? error.message : String(error);
    return el('div', { class: 'problem', 'data-testid': 'problem', role: 'alert' },
        el('p', { class: 'problem-message' }, message),
        error && error.requestId
            ? el('p', { class: 'problem-request' }, 'Request id: ', el('code', {}, error.requestId))
            : null);
}

/**
 * Shows an error in words in container, replacing what it held (give it a slot of its own to keep a
 * form next to it). Returns the problem element.
 */
export function showProblem(container, error) {
    const e = problemElement(error);
    replace(container, e);
    return e;
}

/** Shows "Loading…" in container, replacing what it held. */
export function loading(container, text = 'Loading…') {
    const e = el('p', { class: 'loading', 'data-testid': 'loading', 'aria-busy': 'true' }, text);
    replace(container, e);
    return e;
}

/**
 * A table: columns [{label, cell(row) -> node or text}], rows, attrs for each row (rowAttrs(row) ->
 * attributes such as data-testid). An empty list shows emptyText in a single row.
 */
export function table(columns, rows, { rowAttrs = () => ({}), emptyText = 'Nothing to show.', attrs = {} } = {}) {
    return el('table', { class: 'grid', ...attrs },
        el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, c.label)))),
        el('tbody', {}, rows.length === 0
            ? el('tr', { class: 'empty' }, el('td', { colspan: String(columns.length) }, emptyText))
            : rows.map((row) => el('tr', rowAttrs(row), columns.map((c) => el('td', {}, c.cell(row)))))));
}

/** A definition list of [label, value] pairs; pairs with an absent value are left out. */
export function fields(pairs, attrs = {}) {
    return el('dl', { class: 'fields', ...attrs },
        pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
            .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A small status label, e.g. badge('OVERDUE', 'bad'). */
export function badge(text, kind = '') {
    return el('span', { class: `badge ${kind}`.trim() }, text);
}
