// Which moves of a complaint's lifecycle to offer, free of the DOM (the component tests run it).

const OPEN = ['RECEIVED', 'ACKNOWLEDGED', 'INVESTIGATING', 'WAITING_ON_CUSTOMER'];
const DONE = ['RESOLVED', 'CLOSED'];

/** Whether a complaint is still open (its deadlines run). */
export function isOpen(status) {
    return OPEN.includes(status);
}

/**
 * The moves of the lifecycle (complaint-service's ComplaintAction table), the statuses each is
 * allowed from, and what each asks for. The service decides in the end; this only keeps impossible
 * moves off the screen.
 */
export const MOVES = [
    { verb: 'acknowledge', label: 'Acknowledge', from: ['RECEIVED'], inputs: ['note'] },
    { verb: 'startInvestigation', label: 'Start investigation', from: ['RECEIVED', 'ACKNOWLEDGED'], inputs: ['note'] },
    { verb: 'waitOnCustomer', label: 'Wait on customer', from: ['INVESTIGATING'], inputs: ['note'] },
    { verb: 'resume', label: 'Resume', from: ['WAITING_ON_CUSTOMER'], inputs: ['note'] },
    { verb: 'resolve', label: 'Resolve', from: ['INVESTIGATING'], inputs: ['rootCause', 'remedy', 'resolvedAtFirstContact', 'note'] },
    { verb: 'close', label: 'Close', from: ['RESOLVED'], inputs: ['note'] },
    { verb: 'reopen', label: 'Reopen', from: DONE, inputs: ['note'] },
    { verb: 'escalate', label: 'Escalate', from: OPEN, inputs: ['note'] },
    { verb: 'withdraw', label: 'Withdraw', from: OPEN, inputs: ['note'] },
    {
        verb: 'recordSatisfaction',
        label: 'Record satisfaction',
        from: DONE,
        inputs: ['score', 'note'],
        when: (c) => c.satisfaction === undefined || c.satisfaction === null,
    },
    {
        verb: 'recordCallBack',
        label: 'Record call-back',
        from: DONE,
        inputs: ['outcome'],
        // A score of 1 or 2 schedules a call-back; its outcome is recorded once.
        when: (c) => typeof c.satisfaction === 'number' && c.satisfaction <= 2 && !c.callBackOutcome,
    },
];

/**
 * The moves to offer on this complaint: allowed from its status, and permitted to the signed-in
 * roles (permitted(method, pathTemplate), i.e. permissions.can).
 */
export function movesFor(complaint, permitted) {
    return MOVES.filter((m) => m.from.includes(complaint.status)
        && (!m.when || m.when(complaint))
        && permitted('POST', `/api/v1/complaints/{id}:${m.verb}`));
}
