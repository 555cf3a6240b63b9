// The CloudFormation reads of one connection (DescribeStacks, DescribeStackEvents, ListStackResources),
// mapped into the extension's own shapes. Its own bundle (dist/cloudformation.js), required the first
// time a stack is read: the CloudFormation client stays off the activation and connection paths.
import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type StackEvent as SdkStackEvent,
} from '@aws-sdk/client-cloudformation';
import type { CallSettings, Connection } from '../../core/connection';
import { markServiceOf } from '../../core/errors';
import { collectPages, MAX_PAGES } from '../../core/paging';
import type { StackDescription, StackEvent, StackEventsSince, StackReader, StackResource } from '../../core/stacks/types';
import { clientConfig, countCall, type CallCounter } from '../clientConfig';

/** Most DescribeStackEvents pages read to reach the last event seen (100 events a page). */
const EVENT_PAGES_CAP = 10;

export class StackApi implements StackReader {
  readonly client: CloudFormationClient;
  readonly calls: CallCounter = { total: 0, byOperation: {} };

  constructor(connection: Connection, settings: Pick<CallSettings, 'maxAttempts' | 'requestTimeoutMs'> = {}) {
    this.client = new CloudFormationClient(clientConfig(connection, settings));
    this.client.middlewareStack.add(
      (next, context) => async (args) => {
        countCall(this.calls, context.commandName);
        try {
          return await next(args);
        } catch (error) {
          throw markServiceOf(error, 'CloudFormation');
        }
      },
      { step: 'initialize', name: 'serviceCatalogExplorerCounter' },
    );
  }

  async describeStack(stackId: string): Promise<StackDescription> {
    const out = await this.client.send(new DescribeStacksCommand({ StackName: stackId }));
    const stack = out.Stacks?.[0];
    if (!stack?.StackName || !stack.StackStatus) throw new Error(`DescribeStacks returned no stack for ${stackId}.`);
    return {
      stackId: stack.StackId ?? stackId,
      stackName: stack.StackName,
      status: stack.StackStatus,
      ...(stack.StackStatusReason ? { statusReason: stack.StackStatusReason } : {}),
      parameters: (stack.Parameters ?? []).filter((p) => p.ParameterKey).map((p) => ({ key: p.ParameterKey!, value: p.ParameterValue ?? '' })),
      outputs: (stack.Outputs ?? []).filter((o) => o.OutputKey).map((o) => ({
        key: o.OutputKey!, value: o.OutputValue ?? '', ...(o.Description ? { description: o.Description } : {}),
      })),
      ...(stack.CreationTime ? { createdTime: stack.CreationTime } : {}),
      ...(stack.LastUpdatedTime ? { lastUpdatedTime: stack.LastUpdatedTime } : {}),
    };
  }

  async eventsSince(stackId: string, afterEventId?: string): Promise<StackEventsSince> {
    const newestFirst: StackEvent[] = [];
    let token: string | undefined;
    for (let page = 0; page < (afterEventId ? EVENT_PAGES_CAP : 1); page++) {
      const out = await this.client.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: token }));
      for (const raw of out.StackEvents ?? []) {
        if (afterEventId && raw.EventId === afterEventId) return { events: newestFirst.reverse(), truncated: false };
        const event = toStackEvent(raw, stackId);
        if (event) newestFirst.push(event);
      }
      token = out.NextToken || undefined;
      if (!token) return { events: newestFirst.reverse(), truncated: false };
    }
    // Without a last event to stop at, one page is what was asked for; with one, the cap was reached first.
    return { events: newestFirst.reverse(), truncated: !!afterEventId };
  }

  async resources(stackId: string): Promise<readonly StackResource[]> {
    return collectPages(async (token) => {
      const out = await this.client.send(new ListStackResourcesCommand({ StackName: stackId, NextToken: token }));
      const items = (out.StackResourceSummaries ?? [])
        .filter((r) => r.LogicalResourceId && r.ResourceType && r.ResourceStatus)
        .map((r): StackResource => ({
          logicalId: r.LogicalResourceId!,
          resourceType: r.ResourceType!,
          status: r.ResourceStatus!,
          ...(r.PhysicalResourceId ? { physicalId: r.PhysicalResourceId } : {}),
          ...(r.ResourceStatusReason ? { reason: r.ResourceStatusReason } : {}),
          ...(r.LastUpdatedTimestamp ? { lastUpdated: r.LastUpdatedTimestamp } : {}),
        }));
      return { items, nextToken: out.NextToken || undefined };
    }, { maxPages: MAX_PAGES });
  }

  dispose(): void {
    this.client.destroy();
  }
}

function toStackEvent(raw: SdkStackEvent, stackId: string): StackEvent | undefined {
  if (!raw.EventId || !raw.Timestamp || !raw.LogicalResourceId || !raw.ResourceStatus) return undefined;
  return {
    eventId: raw.EventId,
    stackId: raw.StackId ?? stackId,
    timestamp: raw.Timestamp,
    logicalId: raw.LogicalResourceId,
    resourceType: raw.ResourceType ?? '',
    status: raw.ResourceStatus,
    ...(raw.PhysicalResourceId ? { physicalId: raw.PhysicalResourceId } : {}),
    ...(raw.ResourceStatusReason ? { reason: raw.ResourceStatusReason } : {}),
  };
}
