// Live deadline timers. deadlineState is pure (the component tests call it in Node); the DOM is
// touched only when deadlineTimer or startDeadlineTimers is called.
import { formatDateTime, formatDuration } from './format.js';

/** A running deadline with less than this left is "due-soon". */
export const DUE_SOON_SECONDS = 60 * 60;

/**
 * The state of a deadline at a moment.
 *
 * @param deadline {dueTime, metTime?, breached?, paused?} as the API gives it (a complaint's deadline,
 *        or a dashboard complaint's, which also says whether it is paused)
 * @param nowMillis this browser's clock (Date.now())
 * @param serverSkewMillis how far the gateway's clock is ahead of this browser's (negative: behind);
 *        the time left is counted on the gateway's clock, so a browser clock that is off does not
 *        show a deadline as overdue too early or too late
 * @returns {{state: "met"|"paused"|"running"|"due-soon"|"overdue", secondsLeft: number|null, text: string}}
 *        secondsLeft is null when met, negative when overdue
 */
export function deadlineState(deadline, nowMillis, serverSkewMillis = 0) {
    if (!deadline) {
        return { state: 'met', secondsLeft: null, text: 'no deadline' };
    }
    if (deadline.metTime) {
        const late = deadline.breached
            || (deadline.dueTime && Date.parse(deadline.metTime) > Date.parse(deadline.dueTime));
        return {
            state: 'met',
            secondsLeft: null,
            text: `${late ? 'met late' : 'met'} ${formatDateTime(deadline.metTime)}`,
        };
    }
    const due = Date.parse(deadline.dueTime);
    if (Number.isNaN(due)) {
        return { state: 'running', secondsLeft: null, text: 'no due time' };
    }
    const serverNow = nowMillis + (serverSkewMillis || 0);
    const secondsLeft = Math.floor((due - serverNow) / 1000);
    if (deadline.paused) {
        // The clock stands while the complaint waits on the customer; resuming moves the due time.
        return {
            state: 'paused',
            secondsLeft,
            text: secondsLeft < 0
                ? `paused, overdue by ${formatDuration(-secondsLeft)}`
                : `paused, ${formatDuration(secondsLeft)} left`,
        };
    }
    if (secondsLeft < 0 || deadline.breached) {
        return { state: 'overdue', secondsLeft, text: `overdue by ${formatDuration(Math.abs(secondsLeft))}` };
    }
    return {
        state: secondsLeft < DUE_SOON_SECONDS ? 'due-soon' : 'running',
        secondsLeft,
        text: `${formatDuration(secondsLeft)} left`,
    };
}

/**
 * The gateway's clock skew from an instant it reported (a dashboard's asOf) and the moment this
 * browser received it: the value deadlineState takes as serverSkewMillis.
 */
export function skewFrom(serverIso, receivedMillis) {
    const server = Date.parse(serverIso);
    return Number.isNaN(server) ? 0 : server - receivedMillis;
}

/**
 * A timer element (data-testid="deadline-timer") for a deadline, ticked by startDeadlineTimers. The
 * deadline travels in data attributes, so a screen only renders it once.
 */
export function deadlineTimer(deadline, { skewMillis = 0, label } = {}) {
    const span = document.createElement('span');
    span.className = 'deadline-timer';
    span.setAttribute('data-testid', 'deadline-timer');
    span.setAttribute('data-deadline-due', deadline.dueTime || '');
    if (deadline.kind) {
        span.setAttribute('data-deadline-kind', deadline.kind);
    }
    if (deadline.metTime) {
        span.setAttribute('data-deadline-met', deadline.metTime);
    }
    if (deadline.breached) {
        span.setAttribute('data-deadline-breached', 'true');
    }
    if (deadline.paused) {
        span.setAttribute('data-deadline-paused', 'true');
    }
    if (skewMillis) {
        span.setAttribute('data-server-skew', String(skewMillis));
    }
    if (label) {
        span.setAttribute('data-label', label);
    }
    tick(span, Date.now());
    return span;
}

/** The deadline an element's data attributes describe. */
export function deadlineOf(element) {
    return {
        kind: element.getAttribute('data-deadline-kind') || undefined,
        dueTime: element.getAttribute('data-deadline-due'),
        metTime: element.getAttribute('data-deadline-met') || undefined,
        breached: element.getAttribute('data-deadline-breached') === 'true',
        paused: element.getAttribute('data-deadline-paused') === 'true',
    };
}

function tick(element, nowMillis) {
    const skew = Number(element.getAttribute('data-server-skew') || 0);
    const s = deadlineState(deadlineOf(element), nowMillis, skew);
    const label = element.getAttribute('data-label');
    element.textContent = label ? `${label}: ${s.text}` : s.text;
    element.setAttribute('data-state', s.state);
    if (s.secondsLeft === null) {
        element.removeAttribute('data-seconds-left');
    } else {
        element.setAttribute('data-seconds-left', String(s.secondsLeft));
    }
    element.title = `due ${formatDateTime(element.getAttribute('data-deadline-due'))}`;
}

/**
 * Ticks every element [data-deadline-due] under root once a second (the elements present at each
 * tick, so rows added later tick too). Returns the cleanup that stops it: a screen returns it from
 * render so leaving the screen stops the timer.
 */
export function startDeadlineTimers(root, { now = () => Date.now(), intervalMillis = 1000 } = {}) {
    const update = () => root.querySelectorAll('[data-deadline-due]').forEach((e) => tick(e, now()));
    update();
    const handle = setInterval(update, intervalMillis);
    return () => clearInterval(handle);
}
