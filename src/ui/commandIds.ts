// Every command the extension registers, by one name each. Pure (no vscode), so tests can hold
// package.json against it. Register with registerCommand (src/ui/commandErrors.ts), refer to them
// (tree item clicks, executeCommand, command links) through COMMANDS, never by a string.

/** Every command id is `serviceCatalogExplorer.<name>`; some names are also settings' (groupBy), a separate namespace. */
const command = <Name extends string>(name: Name) => `serviceCatalogExplorer.${name}` as const;

export const COMMANDS = {
  // The view
  refresh: command('refresh'),
  retry: command('retry'),
  filter: command('filter'),
  clearFilter: command('clearFilter'),
  groupBy: command('groupBy'),
  copyId: command('copyId'),
  copyArn: command('copyArn'),
  copyName: command('copyName'),
  copyValue: command('copyValue'),
  /** Shows and focuses the view; found under "Service Catalog:" in the palette and bindable to a key. */
  focus: command('focus'),
  // Connections
  switchConnection: command('switchConnection'),
  connect: command('connect'),
  useSandbox: command('useSandbox'),
  /** Sets the access level to User: what a denied Role or Account access level offers. */
  useUserAccessLevel: command('useUserAccessLevel'),
  runFix: command('runFix'),
  /** Reads the connection's catalog again (products, versions, paths, parameters) for the forms and spec files. */
  refreshCatalog: command('refreshCatalog'),
  // Product actions
  terminate: command('terminate'),
  changeLaunchRole: command('changeLaunchRole'),
  changeOwner: command('changeOwner'),
  showOutputs: command('showOutputs'),
  openInConsole: command('openInConsole'),
  // Forms
  provisionProduct: command('provisionProduct'),
  updateProvisionedProduct: command('updateProvisionedProduct'),
  showPlans: command('showPlans'),
  runServiceAction: command('runServiceAction'),
  // Spec files
  applySpecProduct: command('applySpecProduct'),
  previewSpecProduct: command('previewSpecProduct'),
  diffSpecProduct: command('diffSpecProduct'),
  applySpecFile: command('applySpecFile'),
  previewSpecFile: command('previewSpecFile'),
  /** Writes provisioned products as they run into a new spec file (the tree's selection, or a pick). */
  saveAsSpecFile: command('saveAsSpecFile'),
  // Records
  lookUpRecord: command('lookUpRecord'),
  showRecordHistory: command('showRecordHistory'),
  openRecord: command('openRecord'),
  tailRecord: command('tailRecord'),
  showRecordLog: command('showRecordLog'),
} as const;

export type CommandName = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandName];

/**
 * Commands registered but deliberately not contributed in package.json (no title, no menu). None
 * today: a command only menus or clicks reach is contributed and hidden from the palette
 * (`commandPalette` `when: false`), so its menu entries have a title.
 */
export const INTERNAL_COMMANDS: readonly CommandId[] = [];
