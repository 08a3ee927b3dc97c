import type { qualityProgrammesZhCN } from './quality-programmes.zh-CN';

/** English — errors of high-quality dataset designation and product quality supervision. */
export const qualityProgrammesApiErrorsEnUS = {
  HQD_STATE_CONFLICT: 'The application is not in a state that allows this step',
  HQD_NOT_YOUR_RESOURCE: 'Only the organization that holds a catalog resource applies to designate it',
  HQD_ALREADY_APPLIED: 'This resource already has an application or a designation at this level',
  HQD_REVIEWER_INVALID: 'The reviewer must be an active service provider other than the applicant',
  HQD_NOT_REVIEWER: 'Only the reviewer the operator assigned reviews this application',
  HQD_BELOW_PASS_SCORE: 'The weighted review score is below the pass score a designation needs',
  COMPLAINT_STATE_CONFLICT: 'The complaint is not in a state that allows this step',
  COMPLAINT_NOT_YOUR_ORDER: 'Only the buyer of a paid order of the product may complain about it',
  COMPLAINT_NOT_SELLER: 'Only the seller of the product responds with rectification measures',
};

/** English — high-quality dataset designation (高质量数据集) and product quality supervision. */
// prettier-ignore
export const qualityProgrammesEnUS: typeof qualityProgrammesZhCN = {
  hqd: {
    programmes: 'Quality and capability', menu: 'High-quality datasets', list: 'High-quality datasets', designatedList: 'Designated (public list)', applications: 'Applications',
    intro: 'A data holder applies with its quality report, update record and use cases; a third-party reviewer the operator assigns scores it against the published criteria, and the operator designates and publishes it.',
    apply: 'Apply', applied: 'Application submitted', resource: 'Resource', pickResource: 'Pick a published resource of your organization', level: 'Level', year: 'Year',
    levels: { provincial: 'Provincial', municipal: 'Municipal' },
    qualityReportRef: 'Quality report no.', qualityReportHelp: 'The platform attaches the resource’s latest GB/T 36344 score; give the number of any third-party quality report',
    latestQuality: 'Latest platform quality score', updateRecord: 'Update record', useCases: 'Use cases',
    status: { submitted: 'Awaiting reviewer', in_review: 'In review', reviewed: 'Awaiting decision', designated: 'Designated', rejected: 'Not designated' }, statusTitle: 'Status',
    box: { mine: 'Our applications', reviewing: 'To review', all: 'All applications' },
    org: 'Applicant', reviewer: 'Reviewer', assign: 'Assign reviewer', assigned: 'Reviewer assigned', pickReviewer: 'Pick a service provider',
    review: 'Expert review', criteria: 'Criteria', criterion: 'Criterion', weight: 'Weight', score: 'Score', comment: 'Comment (optional)', opinion: 'Overall opinion', submitReview: 'Submit review', reviewed: 'Review submitted',
    weightedScore: 'Weighted score', passScore: 'Pass score', designate: 'Designate', reject: 'Reject', decisionNote: 'Decision note', decided: 'Decision recorded',
    createdAt: 'Applied', assignedAt: 'Assigned', reviewedAt: 'Reviewed', decidedAt: 'Decided', designatedAt: 'Designated',
    settings: 'Programme settings', yearlyTarget: 'Yearly provincial target', saveSettings: 'Save', settingsSaved: 'Settings saved',
    progress: 'High-quality datasets this year', progressOf: (n: number, target: number) => `Provincial ${n} / ${target}`, municipal: 'Municipal', inReview: 'In review',
    steps: { apply: 'Apply', assign: 'Assign', review: 'Review', decide: 'Decide' },
  },
  complaints: {
    menu: 'Quality complaints', list: 'Product quality complaints', history: 'Quality complaints', none: 'No quality complaints',
    intro: 'A buyer complains about the quality of a data product it bought; the operator investigates, then requires the seller to rectify and confirms it, or dismisses the complaint. Every step is recorded and both parties are told.',
    file: 'Complain', filed: 'Complaint filed', order: 'Order', pickOrder: 'Pick a paid order of your organization', category: 'Category',
    categories: { quality: 'Data quality', mismatch: 'Not as described', timeliness: 'Late update or delivery', delivery: 'Delivery', compliance: 'Compliance', other: 'Other' },
    description: 'Description', evidenceNote: 'Evidence', product: 'Product', buyer: 'Complainant', seller: 'Seller', investigator: 'Investigator',
    status: { filed: 'Filed', investigating: 'Investigating', rectifying: 'Rectifying', responded: 'Awaiting confirmation', rectified: 'Rectified', dismissed: 'Dismissed' }, statusTitle: 'Status',
    actions: { file: 'Filed', investigate: 'Investigate', note: 'Finding', requireRectification: 'Require rectification', respond: 'Rectification measures', confirm: 'Confirm rectification', dismiss: 'Dismiss' },
    note: 'Note', createdAt: 'Filed', closedAt: 'Closed', hidden: '(parties and oversight only)',
  },
};
