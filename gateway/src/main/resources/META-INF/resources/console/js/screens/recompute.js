// Recomputing a period (#/recompute): POST /api/v1/scorecards:recompute answers at once with an
// operation, which is then read every half second. The polling belongs to this module, not to the
// screen: the user may go elsewhere meanwhile, a small indicator in the header keeps the progress in
// view, and coming back to the screen shows the same operation where it has got to.
import { api } from '../api.js';
import { registerScreen } from '../app.js';
import { lastEndedMonth, operationId, operationProgress } from '../explain.js';
import { formatDateTime } from '../format.js';
import { can, loadPermissions } from '../permissions.js';
import { onSessionChange, session } from '../session.js';
import { el, replace, showProblem, table } from '../ui.js';
import { useScreenStyles } from './styles.js';

const POLL_MILLIS = 500;
/** After a failed read the next one waits longer, up to this, so a service that is down is not hammered. */
const LONGEST_POLL_MILLIS = 5000;
/** Which operation is followed, so a reload of the page follows it on. */
const STORAGE_KEY = 'sqm.console.recompute';

/** The operation followed: {operation, readError, pollTimer, failures} and who wants to hear of changes. */
const tracked = { operation: null, readError: null, pollTimer: null, failures: 0 };
const listeners = new Set();

function notify() {
    const op = tracked.operation;
    if (op && op.done) {
        // Finished: a reload of the page need not follow it any more.
        const s = storage();
        if (s && s.getItem(STORAGE_KEY) === operationId(op)) {
            s.removeItem(STORAGE_KEY);
        }
    }
    listeners.forEach((fn) => fn());
    updateIndicator();
}

/** Forgets the followed operation: on signing out, so the next user does not see it. */
function forget() {
    clearTimeout(tracked.pollTimer);
    tracked.operation = null;
    tracked.readError = null;
    const s = storage();
    if (s) {
        s.removeItem(STORAGE_KEY);
    }
    notify();
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
        if (error.status === 404) {
            // Gone (the service keeps operations for a while only): nothing left to follow.
            forget();
            return;
        }
        tracked.readError = error;
        tracked.failures += 1;
        notify();
        // Not permitted will not change by asking again; anything else may pass.
        if (error.status !== 403 && error.status !== 401) {
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

function resultElement(op, p) {
    const r = op.response;
    if (p.state === 'done' && r) {
        const listed = r.unscoredUnits || [];
        return el('div', { 'data-testid': 'recompute-result' },
            el('p', {}, p.summary),
            listed.length > 0
                ? [el('h4', {}, r.unscored > listed.length ? `Units not scored (the first ${listed.length} of ${r.unscored})` : 'Units not scored'),
                    unscoredTable(listed)]
                : null,
            el('p', {}, el('a', { href: `#/league?period=${encodeURIComponent(r.period)}` }, `League table of ${r.period}`)));
    }
    if (p.done && op.error) {
        const slot = el('div', { 'data-testid': 'recompute-error' });
        showProblem(slot, { message: p.text.charAt(0).toUpperCase() + p.text.slice(1) });
        if (op.error.reason === 'NO_PUBLISHED_MODEL') {
            slot.append(el('p', {}, 'Publish a scoring model first.'));
        }
        return slot;
    }
    return null;
}

/**
 * The progress of the followed operation, built once and updated in place at every read (the bar and
 * texts keep their elements, so a reader, a focused Cancel button or a browser test never loses them).
 */
function progressPanel(onCancel) {
    const title = el('h3', {});
    const bar = el('progress', { 'data-testid': 'recompute-progress', 'aria-label': 'Units scored' });
    const percent = el('span', { 'data-testid': 'recompute-percent' });
    const status = el('p', { 'data-testid': 'recompute-status' });
    const times = el('p', { class: 'meta' });
    const cancel = onCancel ? el('button', { type: 'button', 'data-testid': 'recompute-cancel', onclick: onCancel }, 'Cancel') : null;
    const readProblem = el('div', {});
    const outcome = el('div', {});
    const element = el('div', {}, title, el('p', {}, bar, ' ', percent), status, times, cancel, readProblem, outcome);
    let shownOutcomeFor = null;
    const update = () => {
        const op = tracked.operation;
        element.hidden = !op;
        if (!op) {
            return;
        }
        const p = operationProgress(op);
        const meta = op.metadata || {};
        title.textContent = `Recompute of ${meta.period || (op.response && op.response.period) || '…'}`;
        if (p.max > 0 || p.done) {
            bar.max = p.max > 0 ? p.max : 1;
            bar.value = p.max > 0 ? p.value : 1;
        } else {
            // No total yet: an indeterminate bar until the run knows how many units it has.
            bar.removeAttribute('value');
        }
        percent.textContent = `${p.percent} %`;
        status.textContent = p.text;
        status.className = p.state;
        status.setAttribute('data-state', p.state);
        times.textContent = meta.startTime
            ? `Started ${formatDateTime(meta.startTime)}${meta.endTime ? `, ended ${formatDateTime(meta.endTime)}` : ''} · ${op.name}`
            : op.name || '';
        if (cancel) {
            cancel.hidden = p.done;
            cancel.disabled = !!meta.cancelRequested;
            cancel.textContent = meta.cancelRequested ? 'Cancelling…' : 'Cancel';
        }
        if (tracked.readError) {
            showProblem(readProblem, tracked.readError);
            readProblem.prepend(el('p', { class: 'meta' }, 'Reading the progress failed; trying again.'));
        } else {
            replace(readProblem);
        }
        const key = p.done ? `${op.name} ${p.state}` : null;
        if (key !== shownOutcomeFor) {
            shownOutcomeFor = key;
            replace(outcome, p.done ? resultElement(op, p) : null);
        }
    };
    return { element, update };
}

registerScreen('recompute', {
    title: 'Recompute',
    nav: { label: 'Recompute', order: 50, requires: ['POST', '/api/v1/scorecards:recompute'] },
    render(container, params = {}) {
        useScreenStyles();
        const formSlot = el('div', {});
        const problemSlot = el('div', {});
        const progressSlot = el('div', { class: 'panel', 'aria-live': 'polite' });
        container.append(el('h2', {}, 'Recompute scorecards'), formSlot, problemSlot, progressSlot);
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
        const idle = el('p', { class: 'empty', 'data-testid': 'recompute-idle' }, 'No recompute started in this tab.');
        let panel = null;
        const showProgress = () => {
            if (!alive) {
                return;
            }
            if (!panel) {
                if (!tracked.operation && !can('POST', '/api/v1/scorecards:recompute')) {
                    // Nothing to show to a role that may not start one.
                    progressSlot.hidden = true;
                    return;
                }
                progressSlot.hidden = false;
                panel = progressPanel(can('POST', '/api/v1/operations/{id}:cancel') ? cancel : null);
                replace(progressSlot, idle, panel.element);
            }
            idle.hidden = !!tracked.operation;
            panel.update();
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

onSessionChange((current) => {
    if (!current) {
        forget();
    }
});
resume();
