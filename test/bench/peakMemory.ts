// Preloaded into a process the bench runs (`node -r …/peakMemory.js`): at exit it writes its peak
// resident memory to stderr, which the bench reads.
process.on('exit', () => {
  process.stderr.write(`\nsora-bench-peak-rss-kb:${process.resourceUsage().maxRSS}\n`);
});
