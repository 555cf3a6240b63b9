// eslint.config.mjs holds the layout: snippets linted as if they were files in each layer must fail
// with the layer's message (and pass when they keep to it), file names must follow the convention,
// and an import cycle in src must be reported. Untyped (the typed rules are not what is tested here),
// so it runs in a few seconds.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = process.cwd();

describe('lint rules that hold the structure', function () {
  this.timeout(60_000);
  let eslint: ESLint;

  before(() => {
    eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
  });

  async function problems(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
    return result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
  }

  function assertFails(found: string[], ruleId: string, text: RegExp): void {
    assert.ok(found.some((p) => p.startsWith(`${ruleId}:`) && text.test(p)), `expected ${ruleId} ${text}, got ${JSON.stringify(found)}`);
  }

  describe('layers', () => {
    const restricted = '@typescript-eslint/no-restricted-imports';

    it('src/core imports neither vscode nor values from the AWS SDK or Smithy; their types are fine', async () => {
      assertFails(await problems('src/core/lintProbe.ts', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n"), restricted, /src\/core must not import vscode/);
      assertFails(await problems('src/core/lintProbe.ts', "import type * as vscode from 'vscode';\nexport type V = vscode.Uri;\n"), restricted, /vscode/);
      assertFails(await problems('src/core/lintProbe.ts', "import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';\nexport const c = ServiceCatalogClient;\n"), restricted, /only `import type`/);
      assertFails(await problems('src/core/lintProbe.ts', "import { HttpRequest } from '@smithy/protocol-http';\nexport const r = HttpRequest;\n"), restricted, /only `import type`/);
      assert.deepEqual(await problems('src/core/lintProbe.ts',
        "import type { RecordDetail } from '@aws-sdk/client-service-catalog';\nimport { type HttpRequest } from '@smithy/protocol-http';\nexport type R = RecordDetail | HttpRequest;\n"), []);
    });

    it('src/aws and src/sandbox do not import vscode', async () => {
      const code = "import * as vscode from 'vscode';\nexport const v = vscode.version;\n";
      assertFails(await problems('src/aws/lintProbe.ts', code), restricted, /src\/aws must not import vscode/);
      assertFails(await problems('src/sandbox/service/lintProbe.ts', code), restricted, /src\/sandbox must not import vscode/);
      assert.deepEqual(await problems('src/aws/lintProbe.ts', "import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';\nexport const c = ServiceCatalogClient;\n"), []);
    });

    it('media imports neither vscode nor node: modules', async () => {
      assertFails(await problems('media/shared/lintProbe.ts', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n"), restricted, /must not import vscode/);
      assertFails(await problems('media/shared/lintProbe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"), restricted, /no node: modules/);
    });

    it('folders import only the layers below them, and src never imports tests', async () => {
      const paths = 'import-x/no-restricted-paths';
      const probe = (from: string) => `import * as m from '${from}';\nexport const x = m;\n`;
      assertFails(await problems('src/core/lintProbe.ts', probe('../ui/log')), paths, /src\/core is pure/);
      assertFails(await problems('src/core/products/lintProbe.ts', probe('../../aws/catalogApi')), paths, /src\/core is pure/);
      assertFails(await problems('src/aws/lintProbe.ts', probe('../connections/settings')), paths, /src\/aws imports only src\/core/);
      assertFails(await problems('src/sandbox/lintProbe.ts', probe('../aws/client')), paths, /src\/sandbox imports only src\/core/);
      assertFails(await problems('src/records/lintProbe.ts', probe('../../test/support/virtualClock')), paths, /never imports test code/);
      assertFails(await problems('media/shared/lintProbe.ts', probe('../../src/ui/log')), paths, /webview pages import only src\/core/);
      assert.deepEqual(await problems('src/sandbox/lintProbe.ts', probe('../core/seededRandom')), []);
      assert.deepEqual(await problems('media/shared/lintProbe.ts', probe('../../src/core/untrustedText')), []);
    });

    it('outside their own folders, src/aws and src/sandbox are imported for their types only (they load lazily)', async () => {
      assertFails(await problems('src/products/lintProbe.ts', "import { CatalogApi } from '../aws/catalogApi';\nexport const c = CatalogApi;\n"), restricted, /import their types only/);
      assertFails(await problems('src/ui/lintProbe.ts', "import { startSandbox } from '../sandbox/index';\nexport const s = startSandbox;\n"), restricted, /import their types only/);
      assert.deepEqual(await problems('src/products/lintProbe.ts', "import type { CatalogApi } from '../aws/catalogApi';\nexport type C = CatalogApi;\n"), []);
    });

    it('the layers that talk to VS Code may import it', async () => {
      assert.deepEqual(await problems('src/ui/lintProbe.ts', "import * as vscode from 'vscode';\nexport const v = vscode.version;\n"), []);
    });
  });

  it('reports an import cycle in src', async () => {
    // Two files that import each other, in a scratch tree outside the repository, linted with its config.
    const scratch = mkdtempSync(join(tmpdir(), 'sce-lint-'));
    try {
      mkdirSync(join(scratch, 'src/core'), { recursive: true });
      writeFileSync(join(scratch, 'src/core/cycleA.ts'), "import { b } from './cycleB';\nexport const a = () => b;\n");
      writeFileSync(join(scratch, 'src/core/cycleB.ts'), "import { a } from './cycleA';\nexport const b = () => a;\n");
      const scratchLint = new ESLint({ cwd: scratch, overrideConfigFile: join(ROOT, 'eslint.config.mjs'), overrideConfig: tseslint.configs.disableTypeChecked });
      const [result] = await scratchLint.lintFiles(['src/core/cycleA.ts']);
      assertFails(result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`), 'import-x/no-cycle', /cycle/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('file names: camelCase, *.test.ts in test/unit, *.e2e.ts allowed in test/e2e', async () => {
    const naming = 'check-file/filename-naming-convention';
    const code = 'export const x = 1;\n';
    for (const bad of ['src/core/snake_case.ts', 'src/ui/PascalCase.ts', 'media/shared/kebab-case.ts', 'src/core/two.dots.ts', 'test/unit/core/helper.ts', 'test/e2e/tree.test.ts', 'scripts/Build.mjs']) {
      assertFails(await problems(bad, code), naming, /does not match/);
    }
    for (const good of ['src/core/camelCase.ts', 'src/aws/index.ts', 'media/plan/main.ts', 'test/unit/core/camelCase.test.ts', 'test/integration/helpers.ts', 'test/e2e/tree.e2e.ts', 'test/e2e/formSteps.ts', 'bench/lib/treeHost.ts', 'scripts/build.mjs']) {
      assert.deepEqual((await problems(good, code)).filter((p) => p.startsWith(naming)), [], good);
    }
  });
});
