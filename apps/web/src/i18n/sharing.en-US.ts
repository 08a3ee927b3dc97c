import type { SharingMessages } from './sharing.zh-CN';

/** English — government sharing (政务共享), provincial return flow (省级数据回流) and the resource survey. */
// prettier-ignore
export const sharingEnUS: SharingMessages = {
  sharing: {
    title: 'Sharing requests', incoming: 'Received', outgoing: 'Ours', all: 'All requests', resource: 'Resource',
    requester: 'Requesting dept.', provider: 'Providing dept.', purpose: 'Public duty', status: 'Status', dueAt: 'Answer by',
    createdAt: 'Requested', decidedAt: 'Decided', deliveredAt: 'Delivered', note: 'Note', reason: 'Reason',
    overdueOnly: 'Overdue only', approve: 'Approve', reject: 'Reject', deliver: 'Deliver', withdraw: 'Withdraw',
    approveTitle: 'Approve the sharing request', rejectTitle: 'Reject the sharing request', deliverTitle: 'Record delivery',
    withdrawConfirm: 'Withdraw this sharing request?', approveNote: 'How it is shared, limits (optional)',
    deliverNote: 'Delivery note (optional)', approved: 'Request approved', rejected: 'Request rejected',
    delivered: 'Delivery recorded', withdrawn: 'Request withdrawn', request: 'Request sharing',
    requestTitle: 'Request government sharing (政务共享)',
    purposeHelp: 'Name the statutory duty the data serves (履职依据); the providing department decides on it.',
    requested: 'Sharing request submitted',
    requestedNext: 'The providing department answers within the set working days; a late answer shows red on the board.',
    viewRequests: 'Sharing requests', hint: 'Find a published resource in the catalog and request sharing on its page.',
    overdueDue: (d: string) => `Past its answer date ${d}`,
  },
  returnFlow: {
    title: 'Return-flow board', board: '应返尽返 board', flows: 'Return flows', org: 'Receiving dept.', level: 'Level',
    owed: 'Owed', pending: 'Pending', overdue: 'Overdue', onTime: 'On time', late: 'Late', rate: 'On-time rate',
    rateHelp: 'on time ÷ (delivered + overdue); not counted while nothing has come due', resource: 'Resource',
    from: 'From', to: 'To', status: 'Status', dueAt: 'Due', deliveredAt: 'Delivered', note: 'Note', deliver: 'Record return',
    deliverTitle: 'Record the data returned', delivered: 'Return recorded', create: 'Owe a return',
    createTitle: 'Owe data back (省级数据回流)', toOrgId: 'Receiving department',
    toOrgHelp: 'A city or county public data authority in your province', created: 'Return flow recorded',
    total: 'Total', rateChart: 'On-time rate by department', pendingStatus: 'Pending', deliveredStatus: 'Delivered',
  },
  survey: {
    title: 'Resource survey', takenAt: (d: string) => `As of ${d}`, snapshot: 'Take snapshot', snapshotDone: 'Snapshot taken',
    resources: 'Resources', published: 'Published', files: 'Data files', rows: 'Rows', bytes: 'Volume', orgs: 'Holding orgs',
    bySector: 'By sector', byRegion: 'By administrative level', byGrade: 'By grade', bySubject: 'By subject',
    byOrg: 'By organization (top 15)', trend: 'Resources over time (snapshots)', metric: 'Measure',
    noHistory: 'No snapshots yet. The operator can take one to follow the trend.', sharingStats: 'Government sharing',
    requests: 'Requests', approvedCount: 'Approved', rejectedCount: 'Rejected', deliveredCount: 'Delivered',
    pendingCount: 'Pending', overdueCount: 'Overdue', median: 'Median answer time', p90: 'P90 answer time',
    hours: (h: number | null) => (h === null ? '—' : `${h.toFixed(1)} h`), levels: 'Requester → provider level',
    returnOnTime: 'Return on-time rate',
  },
};
