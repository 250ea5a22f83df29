// One complaint: its fields, deadlines with live timers, its full history, and the moves of its
// lifecycle that its status allows and the signed-in role may make.
import { refresh, registerScreen } from '../app.js';
import { api, serverSkewMillis } from '../api.js';
import { isOpen, movesFor } from '../lifecycle.js';
import { can } from '../permissions.js';
import { deadlineTimer, startDeadlineTimers } from '../timers.js';
import { badge, el, fields, loading, problemElement, replace, table } from '../ui.js';
import { formatBusinessTime, formatDateTime, formatEnum, parseIsoDuration } from '../format.js';

const INPUTS = {
    note: () => el('textarea', { name: 'note', rows: '2', placeholder: 'A note for the history (optional)' }),
    rootCause: () => el('input', { name: 'rootCause', required: true }),
    remedy: () => el('input', { name: 'remedy', required: true }),
    resolvedAtFirstContact: () => el('input', { type: 'checkbox', name: 'resolvedAtFirstContact' }),
    score: () => el('select', { name: 'score', required: true },
        [5, 4, 3, 2, 1].map((n) => el('option', { value: String(n) }, `${n}${n === 5 ? ' (very satisfied)' : n === 1 ? ' (very dissatisfied)' : ''}`))),
    outcome: () => el('input', { name: 'outcome', required: true }),
};

const INPUT_LABELS = {
    note: 'Note',
    rootCause: 'Root cause',
    remedy: 'Remedy',
    resolvedAtFirstContact: 'Resolved at first contact',
    score: 'Satisfaction',
    outcome: 'Outcome of the call-back',
};

function bodyOf(form, inputs) {
    const body = {};
    inputs.forEach((name) => {
        const input = form.elements.namedItem(name);
        if (name === 'resolvedAtFirstContact') {
            body[name] = input.checked;
        } else if (name === 'score') {
            body[name] = Number(input.value);
        } else if (input.value.trim()) {
            body[name] = input.value.trim();
        }
    });
    return body;
}

function movesPanel(complaint) {
    const offered = movesFor(complaint, can);
    if (offered.length === 0) {
        return null;
    }
    const formSlot = el('div');
    const problemSlot = el('div');
    const open = (move) => {
        replace(problemSlot);
        const submit = el('button', { type: 'submit', 'data-testid': 'move-submit' }, move.label);
        const form = el('form', {
            class: 'stack',
            'data-testid': `move-form-${move.verb}`,
            onsubmit: async (event) => {
                event.preventDefault();
                submit.disabled = true;
                replace(problemSlot);
                try {
                    await api('POST', `/api/v1/complaints/${encodeURIComponent(complaint.id)}:${move.verb}`, {
                        body: bodyOf(form, move.inputs),
                        headers: { 'If-Match': complaint.etag },
                    });
                    // Read again: a single read also carries the business time used on each deadline.
                    refresh();
                } catch (e) {
                    replace(problemSlot, problemElement(e), e.reason === 'ETAG_MISMATCH'
                        ? el('button', { type: 'button', 'data-testid': 'reload', onclick: () => refresh() }, 'Read it again')
                        : null);
                    submit.disabled = false;
                }
            },
        },
        move.inputs.map((name) => el('label', {}, INPUT_LABELS[name], INPUTS[name]())),
        el('div', { class: 'actions' },
            submit,
            el('button', { type: 'button', class: 'secondary', onclick: () => replace(formSlot) }, 'Cancel')));
        replace(formSlot, form);
    };
    return el('div', { class: 'panel' },
        el('h2', {}, 'Next steps'),
        el('div', { class: 'actions' }, offered.map((m) => el('button', {
            type: 'button',
            class: 'secondary',
            'data-testid': `move-${m.verb}`,
            onclick: () => open(m),
        }, m.label))),
        problemSlot,
        formSlot);
}

/** An ISO-8601 business duration in hours; shown as it came when it is not one. */
function businessTime(iso) {
    const seconds = parseIsoDuration(iso);
    return seconds === null ? iso || '' : formatBusinessTime(seconds);
}

function deadlinesTable(complaint) {
    const paused = complaint.status === 'WAITING_ON_CUSTOMER';
    const skewMillis = serverSkewMillis();
    return table([
        { label: 'Deadline', cell: (d) => formatEnum(d.kind) },
        { label: 'Allowed', cell: (d) => businessTime(d.allowed) },
        { label: 'Due', cell: (d) => formatDateTime(d.dueTime) },
        { label: 'Time left', cell: (d) => deadlineTimer({ ...d, paused: paused && !d.metTime }, { skewMillis }) },
        { label: 'Business time used', cell: (d) => businessTime(d.used) },
    ], complaint.deadlines || [], { emptyText: 'No deadlines: no service-level rule applied.' });
}

/** " investigating → resolved" for an event that moved the complaint; nothing for one that did not. */
function statusChange(e) {
    if (!e.toStatus || e.fromStatus === e.toStatus) {
        return '';
    }
    return e.fromStatus ? ` ${formatEnum(e.fromStatus)} → ${formatEnum(e.toStatus)}` : ` → ${formatEnum(e.toStatus)}`;
}

function historyList(complaint) {
    const events = [...(complaint.history || [])].sort((a, b) => String(a.time).localeCompare(String(b.time)));
    return el('ol', { class: 'history', 'data-testid': 'complaint-history' },
        events.length === 0
            ? el('li', { class: 'muted' }, 'No history.')
            : events.map((e) => el('li', { 'data-testid': 'history-event' },
                el('span', { class: 'muted' }, formatDateTime(e.time)),
                el('span', {},
                    el('strong', {}, formatEnum(e.action)),
                    statusChange(e),
                    e.actor ? el('span', { class: 'muted' }, ` by ${e.actor}`) : null,
                    e.note ? el('div', {}, e.note) : null))));
}

function statusKind(status) {
    if (status === 'WAITING_ON_CUSTOMER') {
        return 'warn';
    }
    return isOpen(status) ? '' : 'good';
}

function unitLabel(unitId, units) {
    const u = units.get(unitId);
    return el('a', { href: `#/units/${encodeURIComponent(unitId)}` }, u ? `${u.name} (${u.code})` : unitId);
}

function view(container, complaint, units) {
    const c = complaint;
    replace(container,
        el('p', {}, el('a', { href: `#/units/${encodeURIComponent(c.unitId)}` }, '← The unit\'s dashboard')),
        el('h1', {}, `Complaint ${c.reference || c.id} `, badge(formatEnum(c.status), statusKind(c.status))),
        movesPanel(c),
        el('div', { class: 'columns' },
            el('div', { class: 'panel' },
                el('h2', {}, 'Complaint'),
                fields([
                    ['Description', c.description],
                    ['Remedy sought', c.remedySought],
                    ['Channel', formatEnum(c.channel)],
                    ['Category', c.category],
                    ['Severity', formatEnum(c.severity)],
                    ['Customer segment', c.customerSegment ? formatEnum(c.customerSegment) : 'not known'],
                    ['Received', formatDateTime(c.receiveTime)],
                    ['Unit', unitLabel(c.unitId, units)],
                    ['Escalated to', c.escalatedToUnitId ? [unitLabel(c.escalatedToUnitId, units), ` (level ${c.escalationLevel})`] : ''],
                ])),
            el('div', { class: 'panel' },
                el('h2', {}, 'Outcome'),
                fields([
                    ['Root cause', c.rootCause],
                    ['Remedy', c.remedy],
                    ['Resolved', c.resolveTime ? formatDateTime(c.resolveTime) : 'not yet'],
                    ['At first contact', c.resolvedAtFirstContact ? 'yes' : 'no'],
                    ['Business time to resolve', c.resolutionBusinessTime ? businessTime(c.resolutionBusinessTime) : ''],
                    ['Satisfaction', c.satisfaction !== undefined ? `${c.satisfaction} of 5` : ''],
                    ['Call-back', c.callBackOutcome],
                ]),
                el('h3', {}, 'Complainant'),
                // Every complaint has a complainant; the full view leaves the contact details out
                // for roles that may not see personal data.
                c.complainant
                    ? fields([['Name', c.complainant.name], ['E-mail', c.complainant.email], ['Phone', c.complainant.phone]])
                    : el('p', { class: 'muted' }, 'Contact details are not shown to your role.'))),
        el('div', { class: 'panel' },
            el('h2', {}, 'Deadlines'),
            c.deadlineSource ? el('p', { class: 'muted' }, `From ${c.deadlineSource}.`) : null,
            el('div', { class: 'table-wrap' }, deadlinesTable(c))),
        el('div', { class: 'panel' }, el('h2', {}, 'History'), historyList(c)));
}

registerScreen('complaint', {
    title: (params) => `Complaint ${params.id}`,
    async render(container, params) {
        loading(container);
        const path = `/api/v1/complaints/${encodeURIComponent(params.id)}`;
        let complaint;
        try {
            try {
                complaint = await api('GET', path, { query: { view: 'full' } });
            } catch (e) {
                if (e.status !== 403) {
                    throw e;
                }
                // The full view adds the complainant's contact details, which only some roles see.
                complaint = await api('GET', path);
            }
        } catch (e) {
            replace(container, el('h1', {}, 'Complaint'), problemElement(e));
            return undefined;
        }
        // Names for the unit ids.
        const units = new Map();
        await Promise.all([...new Set([complaint.unitId, complaint.escalatedToUnitId].filter(Boolean))].map(async (id) => {
            try {
                units.set(id, await api('GET', `/api/v1/units/${encodeURIComponent(id)}`));
            } catch {
                // Not readable for this role: shown as its id.
            }
        }));
        view(container, complaint, units);
        return startDeadlineTimers(container);
    },
});
