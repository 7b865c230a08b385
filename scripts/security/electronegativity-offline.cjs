// Loaded into the Electronegativity process (node --require). On start it fetches translations; offline,
// `got` retries after its promise has settled and p-cancelable throws from a timer ("The `onCancel`
// handler was attached after the promise settled"), which kills the scan, often before its report is
// written. That one error changes nothing in the scan, so it alone is ignored; any other still ends it.
process.on('uncaughtException', (error) => {
  if (String(error && error.message).includes('`onCancel` handler was attached after the promise settled'))
    return;
  console.error(error);
  process.exit(1);
});
