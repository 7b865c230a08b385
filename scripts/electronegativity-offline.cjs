// Preloaded into Electronegativity by scripts/electronegativity.ts. At start it fetches translations
// with got; where the network is out of reach, got's retry timer later throws this error from a timer,
// which can kill the scan before its report is written (the larger the code, the likelier). That
// error, and only that one, is ignored so the scan can finish; any other stays fatal.
process.on('uncaughtException', (error) => {
  if (/The `onCancel` handler was attached after the promise settled/.test(String(error?.message))) return;
  console.error(error);
  process.exit(1);
});
