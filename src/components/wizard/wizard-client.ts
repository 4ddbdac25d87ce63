// The wizard's small client script: after a step was refused, focus moves to the error summary so it is read first.

/** Focuses the error summary when the page shows one. */
export function focusErrorSummary(): void {
  document.querySelector<HTMLElement>('[data-error-summary]')?.focus();
}
