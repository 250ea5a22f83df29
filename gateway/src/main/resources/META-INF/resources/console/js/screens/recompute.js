// Recomputing a period (#/recompute): POST /api/v1/scorecards:recompute answers at once with an
// operation, which is then read every half second. The polling belongs to this module, not to the
// screen: the user may go elsewhere meanwhile, a small indicator in the header keeps the progress in
// view, and coming back to the screen shows the same operation where it has got to.
import { api } from '../api.js';
import { registerScreen } from '../app.js';
import { lastEndedMonth, operationId, operationProgress } from '../explain.js';
import { formatDateTime } from '../format.js';
import { can, loadPermissions } from '../permissions.js';
import { session } from '../session.js';
import { el, replace, showProblem, table } from '../ui.js';

const POLL_MILLIS = 500;
/** After a failed read the next one waits longer, up to this, so a service that is down is not hammered. */
const LONGEST_POLL_MILLIS = 5000;
/** Which operation is followed, so a reload of the page follows it on. */
const STORAGE_KEY = 'sqm.console.recompute';

/** The operation followed: {operation, readError, pollTimer, failures} and who wants to hear of changes. */
const tracked = { operation: null, readError: null, pollTimer: null, failures: 0 };
const listeners = new Set();

function notify() {
    listeners.forEach((fn) => fn());
    updateIndicator();
}

function storage() {
    try {
        return globalThis.sessionStorage || null;
    } catch {
        return null;
    }
}

function follow(operation) {
    tracked.operation = operation;
    tracked.readError = null;
    tracked.failures = 0;
    const s = storage();
    if (s) {
        s.setItem(STORAGE_KEY, operationId(operation));
    }
    clearTimeout(tracked.pollTimer);
    notify();
    schedule(POLL_MILLIS);
}

function schedule(millis) {
    clearTimeout(tracked.pollTimer);
    if (!tracked.operation || tracked.operation.done) {
        return;
    }
    tracked.pollTimer = setTimeout(poll, millis);
}

async function poll() {
    const followed = tracked.operation;
    if (!followed) {
        return;
    }
    try {
        const operation = await api('GET', `/api/v1/operations/${encodeURIComponent(operationId(followed))}`);
        if (tracked.operation !== followed) {
            return;
        }
        tracked.operation = operation;
        tracked.readError = null;
        tracked.failures = 0;
        notify();
        schedule(POLL_MILLIS);
    } catch (error) {
        if (tracked.operation !== followed) {
            return;
        }
        tracked.readError = error;
        tracked.failures += 1;
        notify();
        // Not found or not permitted will not change by asking again; anything else may pass.
        if (error.status !== 404 && error.status !== 403 && error.status !== 401) {
            schedule(Math.min(POLL_MILLIS * 2 ** tracked.failures, LONGEST_POLL_MILLIS));
        }
    }
}

/** Picks up, after a reload of the page, the operation this tab followed. */
function resume() {
    const s = storage();
    const id = s && s.getItem(STORAGE_KEY);
    // Signed out, the read would only be refused.
    if (id && !tracked.operation && session()) {
        tracked.operation = { name: `operations/${id}`, done: false };
        notify();
        poll();
    }
}

// ---- The indicator in the header ----

let indicator = null;

function updateIndicator() {
    if (typeof document === 'undefined') {
        return;
    }
    const op = tracked.operation;
    if (!op) {
        if (indicator) {
            indicator.remove();
            indicator = null;
        }
        return;
    }
    if (!indicator || !indicator.isConnected) {
        indicator = el('a', { href: '#/recompute', class: 'recompute-indicator', 'data-testid': 'recompute-indicator',
            title: 'The recompute you started: open it' });
        const host = document.querySelector('[data-testid="app-header"]') || document.querySelector('header') || document.body;
        host.append(indicator);
    }
    const p = operationProgress(op);
    const period = (op.metadata && op.metadata.period) || '';
    indicator.setAttribute('data-state', p.state);
    replace(indicator, `Recompute ${period} `,
        p.done ? (p.state === 'done' ? '✓ done' : `✕ ${p.state}`)
            : el('progress', { value: p.max > 0 ? String(p.value) : null, max: p.max > 0 ? String(p.max) : null }),
        p.done ? '' : ` ${p.percent} %`);
}

// ---- The screen ----

function unscoredTable(units) {
    return table([
        { label: 'Unit', cell: (u) => el('a', { href: `#/units/${encodeURIComponent(u.unitId)}` }, u.unitCode || u.unitId) },
        { label: 'Period', cell: (u) => u.period },
        { label: 'Why not scored', cell: (u) => u.reason },
    ], units, { rowAttrs: () => ({ 'data-testid': 'unscored-unit' }), emptyText: 'Every unit was scored.' });
}

function progressView(onCancel) {
    const op = tracked.operation;
    if (!op) {
        return el('p', { class: 'empty', 'data-testid': 'recompute-status', 'data-state': 'idle' }, 'No recompute started in this tab.');
    }
    const p = operationProgress(op);
    const meta = op.metadata || {};
    const bar = el('progress', { 'data-testid': 'recompute-progress', max: String(p.max > 0 ? p.max : 1), 'aria-label': 'Units scored' });
    if (p.max > 0 || p.done) {
        // Without a total the bar stays indeterminate (no value) until the run knows how many units it has.
        bar.value = p.max > 0 ? p.value : 1;
    }
    const r = op.response;
    const parts = [
        el('h3', {}, `Recompute of ${meta.period || (r && r.period) || '…'}`),
        el('p', {}, bar, ' ', el('span', { 'data-testid': 'recompute-percent' }, `${p.percent} %`)),
        el('p', { 'data-testid': 'recompute-status', 'data-state': p.state, class: p.state }, p.text),
        meta.startTime ? el('p', { class: 'meta' }, `Started ${formatDateTime(meta.startTime)}`,
            meta.endTime ? `, ended ${formatDateTime(meta.endTime)}` : '', ` · ${op.name}`) : null,
    ];
    if (!p.done && onCancel) {
        parts.push(el('button', { type: 'button', 'data-testid': 'recompute-cancel', disabled: !!meta.cancelRequested, onclick: onCancel },
            meta.cancelRequested ? 'Cancelling…' : 'Cancel'));
    }
    if (tracked.readError) {
        const slot = el('div', {});
        showProblem(slot, tracked.readError);
        parts.push(el('p', { class: 'meta' }, 'Reading the progress failed; trying again.'), slot);
    }
    if (p.state === 'done' && r) {
        parts.push(el('div', { 'data-testid': 'recompute-result' },
            el('p', {}, p.summary),
            (r.unscoredUnits || []).length > 0
                ? [el('h4', {}, r.unscored > r.unscoredUnits.length ? `Units not scored (the first ${r.unscoredUnits.length} of ${r.unscored})` : 'Units not scored'),
                    unscoredTable(r.unscoredUnits)]
                : null,
            el('p', {}, el('a', { href: `#/league?period=${encodeURIComponent(r.period)}` }, `League table of ${r.period}`))));
    }
    if (p.done && op.error) {
        const e = op.error;
        const slot = el('div', { 'data-testid': 'recompute-error' });
        showProblem(slot, { message: p.text.replace(/^\w/, (c) => c.toUpperCase()), requestId: '' });
        if (e.reason === 'NO_PUBLISHED_MODEL') {
            slot.append(el('p', {}, 'Publish a scoring model first.'));
        }
        parts.push(slot);
    }
    return parts;
}

registerScreen('recompute', {
    title: 'Recompute',
    render(container, params = {}) {
        const root = el('section', { class: 'screen recompute', 'data-testid': 'screen-recompute' }, el('h2', {}, 'Recompute scorecards'));
        container.append(root);
        const formSlot = el('div', {});
        const problemSlot = el('div', {});
        const progressSlot = el('div', { 'aria-live': 'polite' });
        root.append(formSlot, problemSlot, progressSlot);
        let alive = true;

        const cancel = async () => {
            const op = tracked.operation;
            try {
                tracked.operation = await api('POST', `/api/v1/operations/${encodeURIComponent(operationId(op))}:cancel`);
                notify();
            } catch (error) {
                showProblem(problemSlot, error);
            }
        };
        const showProgress = () => {
            if (alive) {
                replace(progressSlot, progressView(can('POST', '/api/v1/operations/{id}:cancel') ? cancel : null));
            }
        };
        listeners.add(showProgress);

        loadPermissions().then(() => {
            if (!alive) {
                return;
            }
            if (!can('POST', '/api/v1/scorecards:recompute')) {
                replace(formSlot, el('p', { class: 'note', 'data-testid': 'recompute-not-offered' },
                    'Your role may not recompute scorecards.'));
                return;
            }
            const period = el('input', { type: 'text', 'data-testid': 'recompute-period', name: 'period', size: '8',
                value: params.period || lastEndedMonth(), placeholder: '2026-03',
                title: 'An ended month (2026-03), quarter (2026-Q1) or year (2026)' });
            const start = el('button', { type: 'submit', 'data-testid': 'recompute-start' }, 'Recompute');
            replace(formSlot, el('form', {
                class: 'filters',
                onsubmit: async (event) => {
                    event.preventDefault();
                    replace(problemSlot);
                    start.disabled = true;
                    try {
                        const operation = await api('POST', '/api/v1/scorecards:recompute', { body: { period: period.value.trim() } });
                        follow(operation);
                    } catch (error) {
                        showProblem(problemSlot, error);
                    } finally {
                        start.disabled = false;
                    }
                },
            }, el('label', {}, 'Period ', period), ' ', start,
            el('p', { class: 'meta' }, 'The recompute runs on the server; you may leave this page meanwhile and come back.')));
            showProgress();
        }).catch((error) => {
            if (alive) {
                showProblem(problemSlot, error);
            }
        });
        showProgress();
        return () => {
            alive = false;
            listeners.delete(showProgress);
        };
    },
});

resume();
