import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Issue #15, "done when": adding a grade or a status fails to compile until every place that must decide
// about it does. This compiles the application (server and web, not the tests) with the vocabulary as a
// newcomer would change it — one grade and one finding status more — and checks the compiler names each
// place that decides about grades and statuses, and nothing unrelated.

const root = path.resolve(import.meta.dirname, '../..');
const gradesFile = path.join(root, 'src/vocabulary/grades.ts');
const statusesFile = path.join(root, 'src/vocabulary/statuses.ts');

function compileWith(patches: Record<string, (text: string) => string>) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => ts.sys.write(String(d.messageText)) },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  const roots = parsed.fileNames.filter(
    (f) => /\/(src|web\/src)\//.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('/web/src/../'),
  );
  const host = ts.createCompilerHost(parsed.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, fresh) => {
    const patch = patches[path.resolve(fileName)];
    if (!patch) return read(fileName, language, onError, fresh);
    const text = ts.sys.readFile(fileName);
    if (text === undefined) throw new Error(`cannot read ${fileName}`);
    const patched = patch(text);
    if (patched === text) throw new Error(`the patch did not change ${fileName}`);
    return ts.createSourceFile(fileName, patched, language);
  };
  const program = ts.createProgram(roots, parsed.options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? path.relative(root, d.file.fileName) : '(global)',
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

describe('the vocabulary makes the compiler find every decision', () => {
  // One program for both changes: a full type check costs tens of seconds on two cores.
  it('a new grade and a new finding status fail to compile exactly where they must be decided', () => {
    const diagnostics = compileWith({
      [gradesFile]: (t) => t.replace("'positive'] as const", "'positive', 'critical'] as const"),
      [statusesFile]: (t) => t.replace("  'noted',\n] as const", "  'noted',\n  'on_hold',\n] as const"),
    });
    const where = (name: string) =>
      [...new Set(diagnostics.filter((d) => d.message.includes(`'${name}'`)).map((d) => d.file))].sort();

    // Every decision about a grade: its traits and words, the posture load, the report order, the ranking
    // of the fastest path, the badge colour.
    expect(where('critical')).toEqual(
      expect.arrayContaining([
        'src/domain/posture/fastest-path.ts',
        'src/domain/posture/model.ts',
        'src/modules/reports/report-data.ts',
        'src/vocabulary/grades.ts',
        'web/src/components/grades.ts',
      ]),
    );
    expect(
      diagnostics.filter((d) => d.file === 'src/vocabulary/grades.ts' && /critical/.test(d.message)),
    ).toHaveLength(3); // traits, label, short label
    // A finding status: whether it is finished and which lifecycles use it, and its label.
    expect(where('on_hold')).toEqual(['src/vocabulary/statuses.ts']);
    expect(diagnostics.filter((d) => d.file === 'src/vocabulary/statuses.ts')).toHaveLength(2);
    // Nothing else broke: every error is about one of the two new names.
    const unrelated = diagnostics.filter((d) => !/'critical'|'on_hold'/.test(d.message));
    expect(unrelated).toEqual([]);
  }, 240_000); // a full type check of server and web (~35 s of CPU; longer on a busy machine)
});
