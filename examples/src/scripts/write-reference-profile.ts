/** Rebuilds src/service/reference-profile.json from the simulator and the committed model. Run: npm run reference-profile -w examples */
import { writeFileSync } from 'node:fs';
import { buildReferenceProfile, REFERENCE_PROFILE_PATH } from '../service/reference-data.js';

const profile = buildReferenceProfile();
writeFileSync(REFERENCE_PROFILE_PATH, `${JSON.stringify(profile, null, 2)}\n`);
console.log(`wrote ${REFERENCE_PROFILE_PATH.pathname}: ${profile.featureOrder.length} columns, ${profile.rowCount} rows, baseline metrics: ${Object.keys(profile.baseline?.metrics ?? {}).join(', ') || 'none yet'}`);
