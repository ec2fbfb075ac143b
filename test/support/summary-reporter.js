// mocha's spec reporter, plus one plain closing line (`unit: N passed, N failed, N skipped`) that
// CI and people can read at a glance.
const Spec = require('mocha/lib/reporters/spec');

class SpecWithSummary extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const { passes, failures, pending } = runner.stats;
      console.log(`unit: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
    });
  }
}

module.exports = SpecWithSummary;
