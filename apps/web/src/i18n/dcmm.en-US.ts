import type { dcmmZhCN } from './dcmm.zh-CN';

/** English — errors of the DCMM self-assessment. */
export const dcmmApiErrorsEnUS = {
  DCMM_ASSESSMENT_SUBMITTED:
    'This assessment has been submitted and can no longer change; start a new one to update it',
  DCMM_ASSESSMENT_INCOMPLETE:
    'Some statements are not answered yet: every statement must be answered before submission',
  DCMM_COMPARE_ORGS_DIFFER: 'Only two assessments of the same organization can be compared',
};

/** English — the data management capability maturity self-assessment (DCMM, GB/T 36073-2018). */
// prettier-ignore
export const dcmmEnUS: typeof dcmmZhCN = {
  dcmm: {
    menu: 'DCMM self-assessment', history: 'Assessments', stats: 'DCMM distribution',
    intro: 'Assess the 8 capability areas of GB/T 36073-2018 (Data management capability maturity model): answer each statement met / partly met / not met, with an optional evidence note. An area reaches a level only when every statement of that level and all levels below is met (partly met does not count); the score is the mean of the 8 area levels and the overall level is the score rounded down.',
    create: 'New self-assessment', title: 'Title', titlePlaceholder: 'e.g. DCMM self-assessment 2026', created: 'Draft created',
    status: { draft: 'Draft', submitted: 'Submitted' }, statusTitle: 'Status',
    areas: {
      strategy: 'Data strategy', governance: 'Data governance', architecture: 'Data architecture', application: 'Data application',
      security: 'Data security', quality: 'Data quality', standards: 'Data standards', lifecycle: 'Data lifecycle',
    },
    levels: { 1: 'Initial', 2: 'Managed', 3: 'Robust', 4: 'Quantitatively managed', 5: 'Optimizing' },
    levelN: (n: number) => `Level ${n}`,
    answers: { yes: 'Met', partly: 'Partly met', no: 'Not met' },
    area: 'Capability area', domain: 'Capability domain', level: 'Level', evidences: 'Evidences level', score: 'Score', overall: 'Overall level',
    answered: (a: number, n: number) => `${a} of ${n} answered`, note: 'Evidence note', notePlaceholder: 'Policies, minutes, screenshots… (optional)',
    save: 'Save this area', saved: 'Saved', submit: 'Submit', submitConfirm: 'Once submitted the result is fixed and cannot change. Submit?', submitted: 'Assessment submitted',
    result: 'Result', levelByArea: 'Level per area', suggestions: 'Improvement suggestions', suggestionsHelp: 'Statements of the next level not yet met',
    noSuggestions: 'Highest level reached', questionnaire: 'Questionnaire', open: 'Open', org: 'Organization', createdAt: 'Created', submittedAt: 'Submitted', updatedAt: 'Updated',
    compare: 'Compare', compareHelp: 'Tick two assessments of the same organization to compare them', compareTitle: 'Comparison', from: 'Earlier', to: 'Later', delta: 'Change', scoreDelta: 'Score change',
    readOnly: 'Submitted: the answers and result as they were submitted', draftHint: 'Draft: the result follows the answers and is fixed on submission',
    orgs: 'Organizations assessed', byLevel: 'Organizations per overall level', areaMeans: 'Mean level per area', scoreMean: 'Mean score', orgCount: 'Organizations', mean: 'Mean level',
    allOrgs: 'All organizations',
  },
};
