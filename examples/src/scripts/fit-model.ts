/** Fits the example fraud model on simulator data and writes src/service/model.json. Run: npm run fit-model -w examples */
import { writeFileSync } from 'node:fs';
import { MODEL_PATH } from '../service/fraud-model.js';
import { trainFraudModel } from '../service/train-fraud-model.js';

const model = trainFraudModel();
writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 2)}\n`);
console.log(`wrote ${MODEL_PATH.pathname}: intercept ${model.intercept.toFixed(3)}, threshold ${model.threshold}, trained on ${model.training.rows} rows (seed ${model.training.seed})`);
