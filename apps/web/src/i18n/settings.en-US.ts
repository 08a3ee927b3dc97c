import type { settingsZhCN, settingsApiErrorsZhCN } from './settings.zh-CN';

/** English — platform rules (the operator's rule settings and the working-day calendar), merged into en-US. */
// prettier-ignore
export const settingsEnUS: typeof settingsZhCN = {
  platformSettings: {
    title: 'Platform rules (平台规则)', menu: 'Platform rules',
    intro: 'These are the rules RULES.md marks ⚠: their official text could not be checked, so the operator keeps them, with the rule file’s values as defaults. Every change is audited with the values before and after.',
    gradingTab: 'Grading', sharingTab: 'Sharing periods', calendarTab: 'Working-day calendar', registryTab: 'Registration rules',
    impactTitle: 'Affected party × harm (GB/T 43697-2024 §6.5)',
    impactHelp: 'The national-security row is set by the standard and cannot be edited; within a row a worse harm never grades lower.',
    party: 'Affected party', piiTitle: 'Personal-information field grades (Annex H, PIPL Art. 28)', piiKind: 'Kind', grade: 'Grade',
    sharingTitle: 'Government sharing and provincial return flow', sharingResponseDays: 'Answer a sharing request within (working days)',
    returnFlowDays: 'Return data to cities and counties within (working days)',
    sharingHelp: 'Periods count on the platform’s working-day calendar (Beijing time, public holidays and make-up working days).',
    calendarHelp: 'Every registration, sharing and return-flow deadline counts on this one calendar. The State Council’s 2026 schedule is preloaded.',
    empty: 'No holidays or make-up working days set for this year', saved: 'Rules saved',
  },
  affectedParty: {
    national: 'National security (国家安全)', economic: 'Economic operation (经济运行)', social: 'Social order (社会秩序)',
    public: 'Public interest (公共利益)', organization: 'Organizations (组织权益)', individual: 'Individuals (个人权益)',
  },
  harm: { 'severe-extreme': 'Especially severe (特别严重)', severe: 'Severe (严重)', general: 'General (一般)' },
  impactAssessment: {
    title: 'Impact assessments', add: 'Record an impact assessment', party: 'Affected party', harm: 'Harm', reason: 'Evidence',
    assessedGrade: 'Assessed grade', gradeBefore: 'Grade before', gradeAfter: 'Grade after', assessedBy: 'Assessed by',
    createdAt: 'Assessed at', empty: 'No impact assessment yet',
    help: 'The grade follows the assessment but never goes below what the fields compute; the assessment is kept as its evidence.',
    done: 'Impact assessment recorded',
  },
};

// prettier-ignore
export const settingsActionsEnUS: Record<string, string> = {
  'settings.grading.update': 'Change the grading rules', 'settings.sharing.update': 'Change the sharing periods',
  'settings.holiday.set': 'Set a holiday', 'settings.holiday.import': 'Import a holiday schedule', 'settings.holiday.delete': 'Remove a holiday',
  'catalog.resource.impact_assess': 'Record an impact assessment',
};

// prettier-ignore
export const settingsApiErrorsEnUS: Record<keyof typeof settingsApiErrorsZhCN, string> = {
  CATALOG_GRADE_BELOW_ASSESSED: 'The grade may not go below the one the latest impact assessment gives',
};
