export { seedDemo, DEMO_PASSWORD, type SeedResult } from './seed.js';
export { makeUscc } from './uscc.js';
export { ASSET_CHECKLIST_MET } from './assets-demo.js';
export { seedRegistryDemo } from './registry-demo.js';
export { seedConsentDemo, type ConsentDemoResult } from './consent-demo.js';
export { seedMarketDemandsDemo } from './market-demands-demo.js';
export {
  DEMO_AGENT_NAME,
  DEMO_APPLICANTS,
  DEMO_APPLICANTS_AGENT_NAME,
  DEMO_APPLICANTS_COLUMNS,
  DEMO_DATASET,
  DEMO_DATASET_COLUMNS,
  demoAgent,
  demoAgentSigner,
  demoCreditProfiles,
  demoLoanApplicants,
} from './compute-demo.js';
