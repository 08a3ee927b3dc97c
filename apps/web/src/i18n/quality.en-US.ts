import type { qualityApiErrorsZhCN, qualityZhCN } from './quality.zh-CN';

/** English — data-quality errors. */
export const qualityApiErrorsEnUS: Record<keyof typeof qualityApiErrorsZhCN, string> = {
  QUALITY_NO_DATA_FILE:
    'The resource has no ready data file and no compute agent holds its data: upload a file before checking its quality',
  QUALITY_CHECK_NOT_LEASED: 'This quality run is not being checked by this agent',
  QUALITY_REPORT_INVALID: 'The quality report the agent returned did not pass verification',
  QUALITY_RUN_ACTIVE: 'A quality run of this resource is already queued or running: wait for it to finish',
  QUALITY_BELOW_MINIMUM:
    'A resource of the product scores below the platform’s minimum data quality for listing',
};

/** English — data quality (GB/T 36344-2018): rules, runs, reports and the trend. */
// prettier-ignore
export const qualityEnUS: typeof qualityZhCN = {
  quality: {
    tab: 'Data quality', title: 'Data quality (GB/T 36344-2018)', overall: 'Overall score', noScore: 'Not scored', rows: 'Rows checked',
    indicators: {
      conformance: 'Conformance', completeness: 'Completeness', accuracy: 'Accuracy', consistency: 'Consistency', timeliness: 'Timeliness', accessibility: 'Accessibility',
    },
    notApplicable: 'No rule applies', latest: 'Latest quality report', runAt: 'Checked at', noReport: 'Not checked yet: a run starts when a data file is uploaded, or click “Run check”.',
    run: 'Run check', running: 'Checking…', queued: 'Queued', runStarted: 'Quality check started', runDone: 'Quality check finished', runFailed: 'Quality check failed',
    trigger: { upload: 'On upload', schedule: 'Scheduled', manual: 'Manual' },
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
    rule: 'Rule', indicator: 'Indicator', kind: 'Kind', columns: 'Fields', checked: 'Checked', failed: 'Failed', score: 'Score', examples: 'Failing examples (masked)',
    row: 'Row', noExamples: 'No failures',
    trend: 'Quality trend', trendRun: 'Run', trendEmpty: 'The trend shows once a run has finished',
    runs: 'Runs', error: 'Error', triggerTitle: 'Trigger', statusTitle: 'Status',
    rules: 'Quality rules', rulesSuggested: 'No rules saved yet: these are suggested from the newest data file’s profile (a check-digit rule for ID card columns, a uniqueness rule for key columns); they apply once saved.',
    rulesSaved: (v: number, by: string) => `Version ${v}, saved by ${by}`, rulesHelp: 'Rules are a JSON array; each rule has a kind and columns. The server checks them on save and names the place of any error. To check a column against another of your resources (referential consistency), use {"kind": "reference", "columns": ["status"], "resource": "res_…", "column": "code"}.',
    rulesJsonInvalid: 'Not a valid JSON array', saveRules: 'Save rules', rulesSavedDone: 'Quality rules saved', noFileForRules: 'No ready data file: no rules can be suggested yet', rulesSuggestedInDomain: 'These rules were suggested from the data by the compute agent that holds it; save them to put them in force',
    inDomain: 'Checked in domain', inDomainHelp: 'The data was checked inside its holder’s compute agent: only this report (counts and masked examples), signed by the agent with SM2, left its domain',
    badge: (s: string) => `Quality ${s}`, badgeTip: 'Latest overall data-quality score (GB/T 36344)',
    settings: 'Quality settings', weights: 'Indicator weights', minListingScore: 'Minimum score for listing',
    settingsHelp: 'The overall score is the weighted mean of the six indicators (those no rule applies to are left out); an indicator weighted 0 does not count.',
    minListingHelp: 'Once set, a product whose resource’s latest overall score is below it (or was never scored) cannot be listed; leave empty for no gate.',
  },
};

/** English — the audit log's names of quality actions. */
export const qualityActionsEnUS: Record<string, string> = {
  'quality.rules.save': 'Save quality rules',
  'quality.run.start': 'Start quality run',
  'quality.run.finish': 'Quality run finished',
  'quality.settings.update': 'Change quality settings',
};
