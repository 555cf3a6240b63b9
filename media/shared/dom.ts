// Small DOM helpers for the form pages: element creation, labelled field groups, field errors, banners.
import '@vscode-elements/elements/dist/bundled.js';
// Types only: brings the elements' HTMLElementTagNameMap entries (the bundle above has no typings).
import type {} from '@vscode-elements/elements';

type Child = Node | string | null | undefined | false;
type Props = Record<string, unknown>;

/** Creates an element: `on*` props become listeners, known properties are set, the rest are attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'class') el.className = String(value);
    else if (key.startsWith('aria-') || key.startsWith('data-') || key === 'role' || key === 'for') el.setAttribute(key, String(value));
    else if (key in el) (el as unknown as Props)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) if (child) parent.append(child);
}

export function clear(el: Element): void {
  el.replaceChildren();
}

/** A DOM id made from free text (parameter keys), safe in `#id` selectors. */
export function domId(prefix: string, key: string): string {
  return `${prefix}-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

export interface FieldControl extends HTMLElement {
  invalid?: boolean;
  disabled?: boolean;
}

/** Field errors by path ("name", "parameters.Key", "tags.0.key", …), each next to its control. */
export class FieldErrors {
  private readonly slots = new Map<string, { message: HTMLElement; control?: FieldControl }>();

  register(path: string, message: HTMLElement, control?: FieldControl): void {
    this.slots.set(path, { message, control });
  }

  /** Drops a slot, clearing what it shows: its path is about to name another control. */
  unregister(path: string): void {
    if (!this.slots.has(path)) return;
    this.set(path, undefined);
    this.slots.delete(path);
  }

  clearAll(): void {
    for (const path of this.slots.keys()) this.set(path, undefined);
  }

  /** Shows or clears one error; returns false when no slot (nor a parent path's slot) exists. */
  set(path: string, error: string | undefined): boolean {
    const slot = this.slots.get(path) ?? this.slots.get(path.replace(/\.\d+(\.\w+)?$/, ''));
    if (!slot) return false;
    slot.message.textContent = error ?? '';
    slot.message.hidden = !error;
    if (slot.control) {
      slot.control.invalid = !!error;
      if (error) slot.control.setAttribute('aria-invalid', 'true');
      else slot.control.removeAttribute('aria-invalid');
    }
    return true;
  }

  /** Shows every error; returns the ones without a place on the form, and focuses the first invalid control. */
  showAll(errors: Readonly<Record<string, string>>): string[] {
    this.clearAll();
    const unplaced: string[] = [];
    let focused = false;
    for (const [path, message] of Object.entries(errors)) {
      if (!this.set(path, message)) unplaced.push(message);
      const control = this.slots.get(path)?.control;
      if (!focused && control) {
        control.focus();
        focused = true;
      }
    }
    return unplaced;
  }
}

/** The message element under a field; `role=alert` so screen readers hear new errors. */
export function errorText(id: string): HTMLElement {
  return h('p', { class: 'field-error', id, role: 'alert', hidden: true });
}

/**
 * A labelled field: vscode-label `for` the control (it sets the control's accessible name), an optional
 * description, and the error line. The control gets aria-describedby for both.
 */
export function fieldGroup(o: { id: string; label: string; required?: boolean; description?: string; control: FieldControl; extra?: Child[] }): {
  group: HTMLElement;
  error: HTMLElement;
} {
  const error = errorText(`${o.id}-error`);
  const description = o.description ? h('p', { class: 'field-description', id: `${o.id}-description` }, o.description) : undefined;
  o.control.id = o.id;
  o.control.setAttribute('aria-describedby', [description?.id, error.id].filter(Boolean).join(' '));
  const group = h(
    'vscode-form-group',
    { variant: 'vertical' },
    h('vscode-label', { htmlFor: o.id, required: !!o.required }, o.label),
    o.control,
    ...(o.extra ?? []),
    h('vscode-form-helper', {}, description, error),
  );
  return { group, error };
}

export function banner(kind: 'error' | 'info' | 'success' | 'warning', ...content: Child[]): HTMLElement {
  const icon = { error: 'error', info: 'info', success: 'pass', warning: 'warning' }[kind];
  return h('div', { class: `banner banner-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, h('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), h('div', {}, ...content));
}

export function progress(text: string): HTMLElement {
  return h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' }, h('vscode-progress-ring', {}), h('span', {}, text));
}

/** `description` shows under the list while the option is active (hovered or highlighted). */
export function option(value: string, label: string, selected = false, description = ''): HTMLElement {
  return h('vscode-option', { value, selected, description }, label);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'form-section', 'aria-label': title }, h('h2', {}, title), ...children);
}

const onMac = /Macintosh|Mac OS X/.test(navigator.userAgent);

/**
 * Ctrl+Enter (Cmd+Enter on macOS) anywhere in the page runs the page's main action. Taken in the capture
 * phase on the window, before any control sees it: a focused dropdown would otherwise open on the
 * Enter and stay open over the form. One left open before the shortcut is closed.
 */
export function onSubmitShortcut(run: () => void): void {
  const listener = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    closeDropdowns();
    run();
  };
  window.addEventListener('keydown', listener, { capture: true });
}

function closeDropdowns(): void {
  for (const select of document.querySelectorAll('vscode-single-select, vscode-multi-select')) (select as { open?: boolean }).open = false;
}

/** The hint next to the main button, e.g. "Ctrl+Enter submits" ("Cmd+Enter submits" on macOS). */
export function shortcutHint(effect: string): HTMLElement {
  return h('span', { class: 'subtle shortcut' }, `${onMac ? 'Cmd' : 'Ctrl'}+Enter ${effect}`);
}
