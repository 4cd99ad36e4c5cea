// Loads the bundled program from dist/ (built by `npm run build`, which
// `npm install` runs through the prepare script).
export async function runMain(argv) {
  let program;
  try {
    program = await import('../dist/appclacks.js');
  } catch (error) {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
      process.stderr.write('error: appclacks is not built yet\nhint: run `npm run build` in the project directory\n');
      process.exit(1);
    }
    throw error;
  }
  await program.main(argv);
}
