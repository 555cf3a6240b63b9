// The form panels' view types (package.json's onWebviewPanel activation events name them): apart from
// formPanel.ts so activation registers the panels' serializers without loading the forms (dist/forms.js).
import type { PanelKind } from '../../core/webview/protocol';

export const VIEW_TYPES: Readonly<Record<PanelKind, string>> = {
  provision: 'serviceCatalogExplorer.provisionForm',
  update: 'serviceCatalogExplorer.updateForm',
  plans: 'serviceCatalogExplorer.plans',
  action: 'serviceCatalogExplorer.serviceAction',
};
