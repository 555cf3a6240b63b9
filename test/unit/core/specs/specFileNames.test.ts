import * as assert from 'node:assert/strict';
import { isSpecFileName, matchesSpecFileGlob } from '../../../../src/core/specs/specFileNames';

describe('spec file names', () => {
  it('reads a spec file in any case, but only lower case is what the glob (lenses, menus) matches', () => {
    for (const name of ['/w/a.servicecatalog.yaml', '/w/a.servicecatalog.yml', '/w/a.servicecatalog.json']) {
      assert.ok(isSpecFileName(name) && matchesSpecFileGlob(name), name);
    }
    assert.ok(isSpecFileName('/w/A.ServiceCatalog.YAML'));
    assert.ok(!matchesSpecFileGlob('/w/A.ServiceCatalog.YAML'));
    for (const name of ['/w/a.yaml', '/w/servicecatalog.yaml', '/w/a.servicecatalog.yaml.bak']) {
      assert.ok(!isSpecFileName(name) && !matchesSpecFileGlob(name), name);
    }
  });
});
