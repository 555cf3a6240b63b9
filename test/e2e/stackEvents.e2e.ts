// A person provisions the product that fails (Analytics Cluster (beta): its EMR cluster cannot start)
// through the provision form in the real workbench and watches the record in the Service Catalog
// output: the stack's events appear under the record while it runs (time, logical id, resource type,
// status, reason), the first failure marked; the failure notification names the failed resource and
// why. Screenshots: test-results/stack-events-failing-provision-{running,output,notification}.png
// (the output as the failure shows, the output at the end, the failure notification).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { panelOutputText, testResultsDir, useWorkbench, wholePanelOutputText } from './harness';
import { chooseProductBySearch, openForm, pickTagOptionsAndSubmit } from './formSteps';

const PRODUCT = 'Analytics Cluster (beta)';
const FIRST_FAILURE_MARK = '✗ first failure';

/** One line of the channel: "<date> <time> [level] <text>" (a long one wraps over several rendered lines). */
interface OutputLine { readonly level: string; readonly text: string }

/** The channel's lines in `text` (Monaco's visual lines joined), split at the channel's own line stamps. */
function outputLines(text: string): OutputLine[] {
  return text
    .split(/(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[)/)
    .map((l) => l.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \[(\w+)\] (.*)$/s))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ level: m[1], text: m[2].trim() }));
}

/** A stack event line: "<record> stack event HH:MM:SS · <logical id> · <type> · <status>[ · <reason>][ · ✗ first failure]". */
interface EventLine { readonly time: string; readonly logicalId: string; readonly type: string; readonly status: string; readonly rest: string; readonly level: string }

function eventLinesOf(lines: readonly OutputLine[], recordId: string): EventLine[] {
  const pattern = new RegExp(`^${recordId} stack event (\\d\\d:\\d\\d:\\d\\d) · (\\S+) · (AWS::\\S+) · ([A-Z_]+)(.*)$`, 's');
  return lines.flatMap((l) => {
    const m = l.text.match(pattern);
    return m ? [{ time: m[1], logicalId: m[2], type: m[3], status: m[4], rest: m[5], level: l.level }] : [];
  });
}

describe('stack events of a failing provision (e2e)', () => {
  // Virtual time runs 4× real time: the product's 120 s provision ends in about 30 s.
  const wb = useWorkbench({ env: { SCE_DEFAULT_BACKEND: 'sandbox', SANDBOX_TIME_SCALE: '4' } });

  it('shows the stack\'s events under the record as they happen, the first failure marked and named in the notification', async () => {
    const page = wb.page;
    await wb.openViewContainer('Service Catalog');
    await page.locator('.pane-body [role=treeitem]').first().waitFor({ timeout: 60_000 });
    const form = await openForm(page, () => page.locator('.action-label[aria-label^="Provision Product"]').first().click(), '#product-search');
    await chooseProductBySearch(page, form, PRODUCT);
    const name = `e2e-emr-${Date.now().toString(36)}`;
    const clusterName = `${name}-cluster`;
    await form.locator('#pp-name input').focus();
    await page.keyboard.type(name, { delay: 5 });
    await form.locator('#param-ClusterName input').focus();
    await page.keyboard.type(clusterName, { delay: 5 });
    await page.keyboard.press('Tab');
    // The Data & Analytics portfolio has no TagOptions: nothing to pick before submitting.
    const recordId = await pickTagOptionsAndSubmit(page, form, []);
    assert.match(recordId, /^rec-/);

    await wb.runCommand('Service Catalog: Show Record Output');
    await page.locator('.part.panel .monaco-editor').waitFor({ timeout: 15_000 });
    await wb.runCommand('View: Toggle Maximized Panel');

    // Watch the output as the record runs: which events were in view before the record's end was.
    const finalLine = new RegExp(`^${recordId} · PROVISION_PRODUCT · ${name}\\b[^·]*· (?:\\w+ → )?FAILED\\b`);
    const seenBeforeEnd = new Set<string>();
    let lines: OutputLine[] = [];
    for (const deadline = Date.now() + 120_000; ; await page.waitForTimeout(250)) {
      if (Date.now() > deadline) assert.fail(`the record's end within 120 s:\n${lines.map((l) => l.text).join('\n')}`);
      lines = outputLines(await panelOutputText(page));
      if (lines.some((l) => finalLine.test(l.text))) break;
      const failureShown = seenBeforeEnd.has('Cluster CREATE_FAILED');
      for (const e of eventLinesOf(lines, recordId)) seenBeforeEnd.add(`${e.logicalId} ${e.status}`);
      // The moment the failure shows, the stack still rolling back and the record not yet ended.
      if (!failureShown && seenBeforeEnd.has('Cluster CREATE_FAILED')) await wb.screenshot('stack-events-failing-provision-running');
    }
    // Everything from the record's first line on, also what scrolled out of view.
    lines = outputLines(await wholePanelOutputText(page));
    const all = lines.map((l) => l.text).join('\n');
    for (const expected of ['Cluster CREATE_IN_PROGRESS', 'Cluster CREATE_FAILED']) {
      assert.ok(seenBeforeEnd.has(expected), `${expected} was shown while the record ran: ${[...seenBeforeEnd].join(', ')}\n${all}`);
    }

    // Under the record: the stack's and the cluster's events in order, with time, id, type, status, reason.
    const events = eventLinesOf(lines, recordId);
    const sequence = events.map((e) => `${e.logicalId} ${e.status}`);
    const stackName = events[0]?.logicalId ?? '';
    assert.match(stackName, /^SC-\d{12}-pp-[a-z0-9]+$/, `the stack's own event first: ${all}`);
    for (const expected of [`${stackName} CREATE_IN_PROGRESS`, 'Cluster CREATE_IN_PROGRESS', 'Cluster CREATE_FAILED', `${stackName} ROLLBACK_IN_PROGRESS`, `${stackName} ROLLBACK_COMPLETE`]) {
      assert.ok(sequence.includes(expected), `${expected} in: ${sequence.join(' | ')}`);
    }
    const at = (s: string) => sequence.indexOf(s);
    assert.ok(at('Cluster CREATE_IN_PROGRESS') < at('Cluster CREATE_FAILED') && at('Cluster CREATE_FAILED') < at(`${stackName} ROLLBACK_COMPLETE`), sequence.join(' | '));
    const times = events.map((e) => e.time);
    assert.deepEqual(times, [...times].sort(), 'oldest first');
    for (const e of events.filter((x) => x.logicalId === 'Cluster')) assert.equal(e.type, 'AWS::EMR::Cluster');
    assert.equal(events.find((e) => e.logicalId === stackName)?.type, 'AWS::CloudFormation::Stack');
    assert.match(events.find((e) => e.status === 'CREATE_IN_PROGRESS' && e.logicalId === stackName)!.rest, /^ · User Initiated$/);

    // The first failure: the cluster's, with the service's reason, marked, at error level; only it is marked.
    const failed = events.find((e) => e.logicalId === 'Cluster' && e.status === 'CREATE_FAILED')!;
    assert.equal(failed.level, 'error');
    assert.match(failed.rest, new RegExp(`^ · Resource handler returned message: "Cluster ${clusterName} could not start: service role EMR_DefaultRole has insufficient EC2 permissions\\." · ${FIRST_FAILURE_MARK}$`));
    assert.equal(events.filter((e) => e.rest.endsWith(FIRST_FAILURE_MARK)).length, 1, 'one first failure');
    // The record's own lines frame its events: the events before its final line and its error.
    const index = (re: RegExp) => lines.findIndex((l) => re.test(l.text));
    const firstEvent = index(new RegExp(`^${recordId} stack event `));
    assert.ok(firstEvent >= 0 && firstEvent < index(finalLine), 'the events come before the final line');
    assert.ok(index(new RegExp(`^${recordId} error CREATE_FAILED: The following resource\\(s\\) failed to create: \\[Cluster\\]`)) > index(finalLine), 'the record\'s error after it');
    await page.locator('.part.panel .monaco-editor .view-line', { hasText: FIRST_FAILURE_MARK }).first().waitFor();
    await wb.screenshot('stack-events-failing-provision-output');

    // The failure notification names the first failed resource and its reason.
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'First failed resource' }).first();
    await toast.waitFor({ timeout: 30_000 });
    const message = ((await toast.locator('.notification-list-item-message').textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(message, new RegExp(`\\b${name}\\b`), message);
    assert.match(message, new RegExp(`First failed resource: Cluster \\(AWS::EMR::Cluster\\) CREATE_FAILED: Resource handler returned message: "Cluster ${clusterName} could not start: service role EMR_DefaultRole has insufficient EC2 permissions\\."`), message);
    // All of it in view: the toast cuts what does not fit, and the first failure must not be cut off.
    const cut = await toast.locator('.notification-list-item-message').evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
    assert.equal(cut, false, `the notification shows its whole message: ${message}`);
    await toast.screenshot({ path: path.join(testResultsDir, 'stack-events-failing-provision-notification.png') });
  });
});
