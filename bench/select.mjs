// BENCH_ONLY=portal,cases… picks scenario groups (and the spa/cold steps); unset = everything.
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

export const wanted = (group) => !only.length || only.includes(group);
export const selected = (scenario) => wanted(scenario.group);
